using System.Diagnostics;
using IcpExperiments.Core.Teams;

namespace IcpExperiments.Storage.Ingest;

/// <summary>
/// One unary outcome write waiting to be stored by whichever writer gets the write gate next (group commit). It is
/// either claimed by that writer, which completes it after commit, or abandoned by its cancelled caller; never both.
/// </summary>
internal sealed class PendingOutcome(TeamId team, string experimentId, IngestItem item, DateTimeOffset now)
{
    private const int Waiting = 0, Claimed = 1, Abandoned = 2;
    private readonly TaskCompletionSource<(RowDecision Decision, DateTimeOffset RecordedAt)> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int state;

    public TeamId Team { get; } = team;

    public string ExperimentId { get; } = experimentId;

    public IngestItem Item { get; } = item;

    public DateTimeOffset Now { get; } = now;

    /// <summary>The caller's span when it queued the write: a transaction's span joins the trace of its first write.</summary>
    public Activity? CallerActivity { get; } = Activity.Current;

    /// <summary>The row's decision and the recorded-at stamp it was stored with, after commit.</summary>
    public Task<(RowDecision Decision, DateTimeOffset RecordedAt)> Stored => completion.Task;

    public bool TryClaim() => Interlocked.CompareExchange(ref state, Claimed, Waiting) == Waiting;

    public bool TryAbandon() => Interlocked.CompareExchange(ref state, Abandoned, Waiting) == Waiting;

    /// <summary>
    /// Until disposed, <paramref name="cancellationToken"/> abandons the write if no writer has claimed it yet, and then
    /// <see cref="Stored"/> ends cancelled; a claimed write is reported whatever the token does. One registration, not a
    /// WaitAsync promise and its extra continuation per call.
    /// </summary>
    public CancellationTokenRegistration AbandonOn(CancellationToken cancellationToken) =>
        cancellationToken.UnsafeRegister(static (write, token) =>
        {
            var pending = (PendingOutcome)write!;
            if (pending.TryAbandon()) pending.completion.TrySetCanceled(token);
        }, this);

    public void Complete(RowDecision decision, DateTimeOffset recordedAt) => completion.TrySetResult((decision, recordedAt));

    public void Fail(Exception error) => completion.TrySetException(error);
}
