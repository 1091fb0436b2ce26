using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Core.Teams;
using IcpExperiments.Core.Telemetry;

namespace IcpExperiments.Core.Application;

/// <summary>
/// <see cref="IExperimentAnalyzer"/> over an <see cref="IAnalysisDataSource"/>, with a results cache. Each call reads
/// the cheap inputs (experiment, data version, spend) and reuses a cached analysis when nothing it depends on changed
/// (<see cref="AnalysisCacheKey"/>); only a miss scans the accounts and runs the engine, at most one at a time per
/// series with concurrent callers coalesced (<see cref="AnalysisResultsCache"/>): a poll may get a result resting on a
/// slightly newer data version than it read, never an older one. Without an explicit as-of the
/// analysis is "live": as of now truncated to <see cref="ExperimentAnalyzerOptions.LiveGranularity"/>.
/// </summary>
public sealed class ExperimentAnalyzer : IExperimentAnalyzer
{
    public const string ExperimentNotStartedReason = "EXPERIMENT_NOT_STARTED";

    private readonly IAnalysisDataSource source;
    private readonly TimeProvider time;
    private readonly TimeSpan liveGranularity;
    private readonly AnalysisResultsCache cache;
    private readonly IcpExperimentsMetrics? metrics;

    public ExperimentAnalyzer(IAnalysisDataSource source, TimeProvider time, ExperimentAnalyzerOptions options, IcpExperimentsMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems), nameof(options));
        this.source = source;
        this.time = time;
        liveGranularity = options.LiveGranularity;
        this.metrics = metrics;
        cache = new AnalysisResultsCache(options.CacheCapacity, metrics);
    }

    public async Task<ExperimentAnalysis> AnalyzeAsync(TeamId team, string experimentId, AnalysisRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var inputs = await source.ReadInputsAsync(team, experimentId, cancellationToken);
        var experiment = inputs.Experiment;
        if (experiment.State == ExperimentState.Draft)
        {
            throw new PreconditionFailedException(
                ExperimentNotStartedReason, $"Experiment '{experimentId}' is a draft: it has no results until it is started.");
        }

        var asOf = ResolveAsOf(request.AsOf);
        var key = new AnalysisCacheKey(team, experimentId, experiment.Etag, inputs.DataVersion, inputs.SpendFingerprint, asOf, request.Correction);
        return await cache.GetOrAddAsync(key, token => ComputeAsync(team, experiment, asOf, request.Correction, token), cancellationToken);
    }

    /// <summary>The instant a request is analysed at: its own as-of, or now truncated to the live granularity.</summary>
    public DateTimeOffset ResolveAsOf(DateTimeOffset? requested) => ResolveAsOf(requested, time.GetUtcNow(), liveGranularity);

    /// <summary>The as-of rule results and segments share: an explicit instant must not be in the future; none means now, truncated.</summary>
    public static DateTimeOffset ResolveAsOf(DateTimeOffset? requested, DateTimeOffset now, TimeSpan liveGranularity)
    {
        if (requested is not { } asOf)
            return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % liveGranularity.Ticks), TimeSpan.Zero);
        if (asOf > now) throw new ValidationFailedException("as_of", $"must not be in the future (it is {asOf:O}, now is {now:O}).");
        return asOf.ToUniversalTime();
    }

    private async Task<ExperimentAnalysis> ComputeAsync(TeamId team, Experiment experiment, DateTimeOffset asOf, MultipleComparisonCorrection correction, CancellationToken cancellationToken)
    {
        // Not the caller's token: the cache cancels this one only when every caller sharing the computation has left.
        long started = time.GetTimestamp();
        var loaded = await source.LoadSnapshotAsync(team, experiment, asOf, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var results = ResultsCalculator.Calculate(loaded.Snapshot, AnalysisOptions.Default with { Correction = correction });
        var decisions = DecisionRules.Decide(results, experiment.Design);
        metrics?.RecordAnalysisDuration(time.GetElapsedTime(started));
        return new ExperimentAnalysis(experiment, results, decisions, loaded.DataVersion)
        {
            SpendCurrency = loaded.Snapshot.SpendCurrency,
            AcvCurrency = loaded.Snapshot.AcvCurrency,
        };
    }
}
