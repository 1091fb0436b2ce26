using System.Diagnostics;
using IcpExperiments.Core.Outcomes;
using IcpExperiments.Core.Teams;

namespace IcpExperiments.Storage.Ingest;

/// <summary>
/// One unary outcome write waiting to be stored by whichever writer gets the write gate next (group commit). It is
/// either claimed by that writer, which completes it after commit, or abandoned by its cancelled caller; never both.
/// <see cref="Result"/> is the call's own answer, so the caller returns it without an async step of its own: every such
/// step stays on the call's path until the commit, and the path already has a dozen (Kestrel, gRPC, interceptors).
/// </summary>
internal sealed class PendingOutcome
{
    private const int Waiting = 0, Claimed = 1, Abandoned = 2;

    private readonly TaskCompletionSource<RecordedOutcome> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Func<string, Task<RecordedOutcome>> findOriginal;
    private readonly CancellationTokenRegistration abandonOnCancel;
    private readonly ExecutionContext? callerContext = ExecutionContext.Capture();
    private int state;

    /// <param name="team">The caller's team.</param>
    /// <param name="experimentId">The experiment written to.</param>
    /// <param name="outcome">The event, field rules already checked; its fingerprint is computed here, on the caller's thread.</param>
    /// <param name="now">The caller's clock at the call; a group-commit transaction stamps its rows with its first write's.</param>
    /// <param name="findOriginal">Reads the stored outcome of an event id, for a write that turns out to be a duplicate (a retry).</param>
    /// <param name="cancellationToken">Abandons the write while no writer has claimed it; a claimed write is reported whatever the token does.</param>
    public PendingOutcome(TeamId team, string experimentId, OutcomeEvent outcome, DateTimeOffset now, Func<string, Task<RecordedOutcome>> findOriginal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Team = team;
        ExperimentId = experimentId;
        Item = new IngestItem(null, outcome, ContentFingerprint.Of(outcome));
        Now = now;
        this.findOriginal = findOriginal;
        // One registration, not a WaitAsync promise and its extra continuation per call.
        abandonOnCancel = cancellationToken.UnsafeRegister(static (write, token) =>
        {
            var pending = (PendingOutcome)write!;
            if (pending.TryAbandon()) pending.completion.TrySetCanceled(token);
        }, this);
    }

    public TeamId Team { get; }

    public string ExperimentId { get; }

    public IngestItem Item { get; }

    public DateTimeOffset Now { get; }

    /// <summary>The caller's span when it queued the write: a transaction's span joins the trace of its first write.</summary>
    public Activity? CallerActivity { get; } = Activity.Current;

    /// <summary>The stored outcome (the original one for a duplicate) once committed; the row's error when rejected; cancelled when abandoned.</summary>
    public Task<RecordedOutcome> Result => completion.Task;

    public bool TryClaim() => Interlocked.CompareExchange(ref state, Claimed, Waiting) == Waiting;

    private bool TryAbandon() => Interlocked.CompareExchange(ref state, Abandoned, Waiting) == Waiting;

    /// <summary>Reports the row's decision after commit; a duplicate reads the original first, off the writer's thread.</summary>
    public void Complete(RowDecision decision, DateTimeOffset recordedAt)
    {
        abandonOnCancel.Unregister();
        if (decision.Error is { } error) completion.TrySetException(error);
        else if (decision.Disposition == RecordDisposition.Accepted) completion.TrySetResult(new RecordedOutcome(ExperimentId, Item.Outcome!, recordedAt, RecordDisposition.Accepted));
        else ThreadPool.UnsafeQueueUserWorkItem(static pending => pending.StartOriginalLookup(), this, preferLocal: false);
    }

    public void Fail(Exception error)
    {
        abandonOnCancel.Unregister();
        completion.TrySetException(error);
    }

    /// <summary>In the caller's execution context (its trace), as the read ran when the caller awaited the write itself.</summary>
    private void StartOriginalLookup()
    {
        if (callerContext is null) _ = CompleteWithOriginalAsync();
        else ExecutionContext.Run(callerContext, static pending => _ = ((PendingOutcome)pending!).CompleteWithOriginalAsync(), this);
    }

    private async Task CompleteWithOriginalAsync()
    {
        try
        {
            completion.TrySetResult(await findOriginal(Item.Outcome!.EventId));
        }
        catch (Exception error)
        {
            completion.TrySetException(error);
        }
    }
}
