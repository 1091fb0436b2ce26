using IcpExperiments.Core.Analysis.Segments;
using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Core.Teams;

namespace IcpExperiments.Core.Application;

/// <summary>
/// GetSegments: the same existence, draft and as-of rules as the results (NOT_FOUND, FAILED_PRECONDITION
/// EXPERIMENT_NOT_STARTED, as-of not in the future), then <see cref="SegmentAnalysis"/> over the stored accounts.
/// Not cached: it is an occasional exploratory read.
/// </summary>
public sealed class SegmentAnalyzer(IAnalysisDataSource inputs, ISegmentDataSource accounts, TimeProvider time, ExperimentAnalyzerOptions options)
{
    public async Task<SegmentReport> AnalyzeAsync(TeamId team, string experimentId, SegmentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var experiment = (await inputs.ReadInputsAsync(team, experimentId, cancellationToken)).Experiment;
        if (experiment.State == ExperimentState.Draft)
        {
            throw new PreconditionFailedException(
                ExperimentAnalyzer.ExperimentNotStartedReason, $"Experiment '{experimentId}' is a draft: it has no segments until it is started.");
        }

        // The results' as-of rule, so segments line up with GetResults.
        var asOf = ExperimentAnalyzer.ResolveAsOf(request.AsOf, time.GetUtcNow(), options.LiveGranularity);
        var attributes = request.Attributes.Count == 0 ? SegmentBands.Attributes : request.Attributes;
        var rows = await accounts.ReadAccountsAsync(team, experimentId, asOf, cancellationToken);
        return SegmentAnalysis.Analyze(experiment.Design, asOf, rows, attributes, request.MinAccounts);
    }
}
