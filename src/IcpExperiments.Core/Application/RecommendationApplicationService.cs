using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Core.Paging;
using IcpExperiments.Core.Profiles;
using IcpExperiments.Core.Recommendations;
using IcpExperiments.Core.Teams;

namespace IcpExperiments.Core.Application;

/// <summary>
/// Use cases of recommendations (DESIGN §3): an experiment's calls per criterion and the version they lead to, the
/// criteria ledger of a profile, and applying a recommendation as the profile's next version. Reads results through
/// <see cref="IExperimentAnalyzer"/>, so it shares the analysis cache with the results API.
/// </summary>
public sealed class RecommendationApplicationService(
    IExperimentAnalyzer analyzer,
    IExperimentRepository experiments,
    IProfileRepository profiles,
    IRecommendationRepository recommendations,
    TimeProvider time)
{
    /// <summary>The ledger reads at most this many experiments of a profile (the newest), so one call stays bounded.</summary>
    public const int MaxLedgerExperiments = 200;

    /// <summary>The recommendation as of now. FAILED_PRECONDITION (EXPERIMENT_NOT_STARTED) for a draft, which has no data.</summary>
    public async Task<RecommendationReport> GetAsync(TeamId team, string experimentId, CancellationToken cancellationToken)
    {
        var experiment = await experiments.GetAsync(team, experimentId, cancellationToken);
        if (experiment.State == ExperimentState.Draft)
            throw new PreconditionFailedException("EXPERIMENT_NOT_STARTED", $"Experiment '{experimentId}' is a draft: start it and load outcomes before asking for a recommendation.");
        var analysis = await analyzer.AnalyzeAsync(team, experimentId, new AnalysisRequest(), cancellationToken);
        var (recommendation, control) = await RecommendAsync(team, analysis, cancellationToken);
        var applied = await recommendations.FindAppliedAsync(team, experimentId, cancellationToken);
        return new RecommendationReport(analysis, recommendation, NextVersionProposal.Build(control, recommendation), applied);
    }

    /// <summary>
    /// Every change tested on the profile's criteria. Counts RUNNING, STOPPED, CONCLUDED and ARCHIVED experiments (the
    /// estimates are always-valid in sequential mode, so a running experiment's interval is honest; an archived one's
    /// evidence does not expire); drafts have no data. Tests of invalid experiments are listed but not pooled.
    /// </summary>
    public async Task<CriteriaLedgerReport> GetLedgerAsync(TeamId team, string profileId, CancellationToken cancellationToken)
    {
        await profiles.GetAsync(team, profileId, cancellationToken);
        var (counted, truncated) = await ExperimentsWithDataAsync(team, profileId, cancellationToken);
        var tests = new List<TestedChange>();
        foreach (var experiment in counted)
        {
            var analysis = await analyzer.AnalyzeAsync(team, experiment.Id, new AnalysisRequest(), cancellationToken);
            var (recommendation, _) = await RecommendAsync(team, analysis, cancellationToken);
            tests.AddRange(CriteriaLedger.TestsOf(recommendation, 1 - analysis.Experiment.Design.Alpha));
        }

        return new CriteriaLedgerReport(profileId, CriteriaLedger.Build(tests), counted.Select(e => e.Id).ToList(), truncated);
    }

    /// <summary>
    /// Creates the next profile version from control plus the adopted and widened changes, with provenance and the caller
    /// as the one who applied it. Idempotent per experiment: once applied, returns the same version (Created false).
    /// Preconditions: the experiment is STOPPED, CONCLUDED or ARCHIVED (evidence of a running experiment may still move,
    /// and its campaigns still target the arms); something is adopted or widened; the profile got no version other than
    /// the experiment's arms since it started (applying control plus the changes would silently undo it).
    /// </summary>
    public async Task<AppliedVersion> ApplyAsync(TeamId team, string actorId, string experimentId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorId);
        var applied = await recommendations.FindAppliedAsync(team, experimentId, cancellationToken);
        if (applied is not null) return new AppliedVersion(await VersionOfAsync(team, applied, cancellationToken), Created: false);

        var experiment = await experiments.GetAsync(team, experimentId, cancellationToken);
        if (experiment.State is ExperimentState.Draft or ExperimentState.Running)
            throw new PreconditionFailedException("EXPERIMENT_NOT_FINISHED",
                $"Experiment '{experimentId}' is {experiment.State.ToString().ToUpperInvariant()}: stop or conclude it before applying its recommendation, so the evidence is final.");
        var report = await GetAsync(team, experimentId, cancellationToken);
        var proposal = report.Proposal;
        if (!proposal.HasChanges)
            throw new PreconditionFailedException("NOTHING_TO_APPLY",
                $"Nothing to apply: no criterion of experiment '{experimentId}' is adopted or widened. " + string.Join(" ", report.Recommendation.Variants.Select(v => v.Summary)));

        var design = report.Analysis.Experiment.Design;
        var application = new RecommendationApplication(
            experimentId, design.ProfileId, design.Control.ProfileVersion, design.Arms.Select(a => a.ProfileVersion).ToList(),
            report.Analysis.Experiment.StartedAt ?? report.Analysis.Experiment.CreatedAt, proposal.Content,
            Truncate(proposal.ChangeNote), 1 - design.Alpha, proposal.Provenance, actorId, time.GetUtcNow());
        return await recommendations.ApplyAsync(team, application, cancellationToken);
    }

    private async Task<(ExperimentRecommendation Recommendation, ProfileVersion Control)> RecommendAsync(TeamId team, ExperimentAnalysis analysis, CancellationToken cancellationToken)
    {
        var design = analysis.Experiment.Design;
        var control = await profiles.GetVersionAsync(team, design.ProfileId, design.Control.ProfileVersion, cancellationToken);
        var diffs = new Dictionary<string, ProfileDiff>(StringComparer.Ordinal);
        foreach (var arm in design.Variants)
        {
            var version = await profiles.GetVersionAsync(team, design.ProfileId, arm.ProfileVersion, cancellationToken);
            diffs[arm.Key] = ProfileDiffer.Diff(control, version);
        }

        return (RecommendationBuilder.Build(analysis.Experiment.Id, control, analysis.Decisions, diffs), control);
    }

    private async Task<(List<Experiment> Counted, bool Truncated)> ExperimentsWithDataAsync(TeamId team, string profileId, CancellationToken cancellationToken)
    {
        var counted = new List<Experiment>();
        string? token = null;
        do
        {
            var page = await experiments.ListByProfileAsync(team, profileId, new PageRequest(PageRequest.MaxPageSize, token), cancellationToken);
            foreach (var experiment in page.Items.Where(e => e.State != ExperimentState.Draft))
            {
                if (counted.Count == MaxLedgerExperiments) return (counted, true);
                counted.Add(experiment);
            }

            token = page.NextPageToken;
        }
        while (token is not null);
        return (counted, false);
    }

    private async Task<ProfileVersion> VersionOfAsync(TeamId team, AppliedRecommendation applied, CancellationToken cancellationToken) =>
        await profiles.GetVersionAsync(team, applied.ProfileId, applied.VersionNumber, cancellationToken) with { Origin = applied };

    /// <summary>A change note is free text of at most <see cref="TextRules.MaxTextLength"/> characters; the provenance keeps every detail.</summary>
    private static string Truncate(string note) =>
        note.Length <= TextRules.MaxTextLength ? note : string.Concat(note.AsSpan(0, TextRules.MaxTextLength - 1), "…");
}
