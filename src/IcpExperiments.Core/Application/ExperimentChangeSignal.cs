using System.Collections.Concurrent;
using IcpExperiments.Core.Teams;

namespace IcpExperiments.Core.Application;

/// <summary>
/// In-process notice that an experiment's data (enrolments, outcomes, spend, design or state) may have changed, so live
/// result streams recompute at once instead of at their next poll. Writes by other processes are not seen here; the
/// watch also polls for those.
/// </summary>
public sealed class ExperimentChangeSignal
{
    private readonly ConcurrentDictionary<(TeamId Team, string ExperimentId), TaskCompletionSource> waiting = new();

    /// <summary>A task that completes at the next <see cref="Notify"/> of the experiment (take it before reading, so no change is missed).</summary>
    public Task NextChangeAsync(TeamId team, string experimentId) =>
        waiting.GetOrAdd((team, experimentId), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Awaits a write and then notifies, whether the write succeeded or not (a failed batch may still have stored rows).</summary>
    public async Task<T> NotifyAfterAsync<T>(TeamId team, string experimentId, Task<T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        try
        {
            return await write;
        }
        finally
        {
            Notify(team, experimentId);
        }
    }

    /// <summary>Wakes every waiter of the experiment.</summary>
    public void Notify(TeamId team, string experimentId)
    {
        if (waiting.TryRemove((team, experimentId), out var changed)) changed.TrySetResult();
    }
}
