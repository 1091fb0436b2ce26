using System.Runtime.CompilerServices;
using IcpExperiments.Core.Teams;

namespace IcpExperiments.Core.Application;

/// <summary>
/// A live feed of one experiment's analysis: the current one at once, then a new one whenever it changes (new data,
/// spend, design or state, or, without an explicit as-of, the live instant moving on). It wakes on this process'
/// <see cref="ExperimentChangeSignal"/> and polls every <see cref="ExperimentAnalyzerOptions.WatchPollInterval"/> for
/// other replicas' writes; each wake-up is one cheap cached lookup unless something changed. Pushes are at least
/// <see cref="ExperimentAnalyzerOptions.WatchMinimumInterval"/> apart, so a burst of writes gives one update. A live
/// feed shares the analyzer's bounded staleness: a signalled write the cached result does not show yet is looked for
/// again once <see cref="ExperimentAnalyzerOptions.LiveMaxStaleness"/> has passed. The feed ends when
/// <c>cancellationToken</c> fires (client cancel or deadline).
/// </summary>
public sealed class ResultsWatcher(IExperimentAnalyzer analyzer, ExperimentChangeSignal signal, TimeProvider time, ExperimentAnalyzerOptions options)
{
    /// <summary>
    /// Added to the staleness bound before the recheck: timers tick in whole milliseconds and may fire a little before
    /// the high-resolution clock that dates cached results says the bound has passed. The cache then still served the
    /// old result, the recheck ended, and the signalled write waited for the next poll (seen in CI).
    /// </summary>
    public static readonly TimeSpan TimerSlack = TimeSpan.FromMilliseconds(20);

    public async IAsyncEnumerable<ExperimentAnalysis> WatchAsync(
        TeamId team, string experimentId, AnalysisRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var changed = signal.NextChangeAsync(team, experimentId);
        var last = await analyzer.AnalyzeAsync(team, experimentId, request, cancellationToken);
        var lastPush = time.GetTimestamp();
        yield return last;

        var recheck = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (recheck) await Task.Delay(options.LiveMaxStaleness + TimerSlack, time, cancellationToken);
            else await WaitForChangeOrPollAsync(changed, cancellationToken);
            var signalled = changed.IsCompleted;
            var quiet = options.WatchMinimumInterval - time.GetElapsedTime(lastPush);
            if (quiet > TimeSpan.Zero) await Task.Delay(quiet, time, cancellationToken);

            // Subscribe before reading, so a write landing during the analysis wakes the next round.
            changed = signal.NextChangeAsync(team, experimentId);
            var next = await analyzer.AnalyzeAsync(team, experimentId, request, cancellationToken);

            // The analyzer returns the very same instance while nothing it depends on changed, or (live) while its
            // result is within the staleness bound: then a signalled write is looked for once more, after the bound.
            if (ReferenceEquals(next, last))
            {
                recheck = signalled && !recheck && request.AsOf is null && options.LiveMaxStaleness > TimeSpan.Zero;
                continue;
            }

            recheck = false;
            last = next;
            lastPush = time.GetTimestamp();
            yield return next;
        }
    }

    private async Task WaitForChangeOrPollAsync(Task changed, CancellationToken cancellationToken)
    {
        using var pollOrCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var poll = Task.Delay(options.WatchPollInterval, time, pollOrCancel.Token);
        await Task.WhenAny(changed, poll);
        await pollOrCancel.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }
}
