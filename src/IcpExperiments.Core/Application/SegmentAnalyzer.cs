using IcpExperiments.Core.Analysis.Segments;
using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Core.Teams;

namespace IcpExperiments.Core.Application;

/// <summary>
/// GetSegments: the same existence, draft and as-of rules as the results (NOT_FOUND, FAILED_PRECONDITION
/// EXPERIMENT_NOT_STARTED, as-of not in the future), then <see cref="SegmentAnalysis"/> over the stored accounts,
/// cached like the results (<see cref="SegmentReportCache"/>, keyed by etag, data version, as-of and request), so a
/// repeat call without new data is a lookup instead of a scan of every enrolment's attributes.
/// </summary>
public sealed class SegmentAnalyzer(IAnalysisDataSource inputs, ISegmentDataSource accounts, TimeProvider time, ExperimentAnalyzerOptions options)
{
    private readonly SegmentReportCache cache = new(options.CacheCapacity);

    public async Task<SegmentReport> AnalyzeAsync(TeamId team, string experimentId, SegmentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var read = await inputs.ReadInputsAsync(team, experimentId, cancellationToken);
        var experiment = read.Experiment;
        if (experiment.State == ExperimentState.Draft)
        {
            throw new PreconditionFailedException(
                ExperimentAnalyzer.ExperimentNotStartedReason, $"Experiment '{experimentId}' is a draft: it has no segments until it is started.");
        }

        // The results' as-of rule, so segments line up with GetResults.
        var asOf = ExperimentAnalyzer.ResolveAsOf(request.AsOf, time.GetUtcNow(), options.LiveGranularity);
        var attributes = request.Attributes.Count == 0 ? SegmentBands.Attributes : request.Attributes;
        var key = new SegmentCacheKey(team, experimentId, experiment.Etag, read.DataVersion, asOf, string.Join(',', attributes), request.MinAccounts);
        return await cache.GetOrAddAsync(
            key,
            async token => SegmentAnalysis.Analyze(experiment.Design, asOf, await accounts.ReadAccountsAsync(team, experimentId, asOf, token), attributes, request.MinAccounts),
            cancellationToken);
    }
}
