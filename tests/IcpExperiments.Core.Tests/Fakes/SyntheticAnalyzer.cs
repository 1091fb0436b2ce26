using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Application;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Core.Teams;
using IcpExperiments.Core.Tests.Analysis;

namespace IcpExperiments.Core.Tests.Fakes;

/// <summary>
/// An analyzer over seeded synthetic data with known truth: the real <see cref="ResultsCalculator"/> and
/// <see cref="DecisionRules"/> on <see cref="SyntheticExperiment"/> data, per experiment in the repository.
/// </summary>
internal sealed class SyntheticAnalyzer(IExperimentRepository experiments) : IExperimentAnalyzer
{
    private readonly Dictionary<string, (double Control, double[] Variants, int Accounts)> truths = [];

    public int Calls { get; private set; }

    public void SetTruth(string experimentId, int accounts, double controlRate, params double[] variantRates) =>
        truths[experimentId] = (controlRate, variantRates, accounts);

    public async Task<ExperimentAnalysis> AnalyzeAsync(TeamId team, string experimentId, AnalysisRequest request, CancellationToken cancellationToken)
    {
        Calls++;
        var experiment = await experiments.GetAsync(team, experimentId, cancellationToken);
        var (control, variants, accounts) = truths[experimentId];
        var snapshot = SyntheticExperiment.Generate(experiment.Design, Designs.Truths(experiment.Design, control, variants), accounts, seed: 7);
        var results = ResultsCalculator.Calculate(snapshot);
        return new ExperimentAnalysis(experiment, results, DecisionRules.Decide(results, experiment.Design), 1);
    }
}
