using System.Runtime.CompilerServices;
using IcpExperiments.Core.Teams;

namespace IcpExperiments.Core.Application;

/// <summary>
/// A live feed of one experiment's analysis: the current one at once, then a new one whenever it changes (new data,
/// spend, design or state, or, without an explicit as-of, the live instant moving on). It wakes on this process'
/// <see cref="ExperimentChangeSignal"/> and polls every <see cref="ExperimentAnalyzerOptions.WatchPollInterval"/> for
/// other replicas' writes; each wake-up is one cheap cached lookup unless something changed. Pushes are at least
/// <see cref="ExperimentAnalyzerOptions.WatchMinimumInterval"/> apart, so a burst of writes gives one update. The feed
/// ends when <c>cancellationToken</c> fires (client cancel or deadline).
/// </summary>
public sealed class ResultsWatcher(IExperimentAnalyzer analyzer, ExperimentChangeSignal signal, TimeProvider time, ExperimentAnalyzerOptions options)
{
    public async IAsyncEnumerable<ExperimentAnalysis> WatchAsync(
        TeamId team, string experimentId, AnalysisRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var changed = signal.NextChangeAsync(team, experimentId);
        var last = await analyzer.AnalyzeAsync(team, experimentId, request, cancellationToken);
        var lastPush = time.GetTimestamp();
        yield return last;

        while (!cancellationToken.IsCancellationRequested)
        {
            await WaitForChangeOrPollAsync(changed, cancellationToken);
            var quiet = options.WatchMinimumInterval - time.GetElapsedTime(lastPush);
            if (quiet > TimeSpan.Zero) await Task.Delay(quiet, time, cancellationToken);

            // Subscribe before reading, so a write landing during the analysis wakes the next round.
            changed = signal.NextChangeAsync(team, experimentId);
            var next = await analyzer.AnalyzeAsync(team, experimentId, request, cancellationToken);

            // The analyzer returns the very same instance while nothing it depends on changed.
            if (ReferenceEquals(next, last)) continue;
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
