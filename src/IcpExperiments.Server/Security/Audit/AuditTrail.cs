using System.Threading.Channels;
using IcpExperiments.Storage.Security;

namespace IcpExperiments.Server.Security.Audit;

/// <summary>
/// Writes audit entries off the request path: calls enqueue and return, one background loop appends whatever has
/// queued within <see cref="GatherDelay"/> in one transaction (so a burst of writes costs a few audit commits, not one each). <see cref="FlushAsync"/>
/// waits until everything enqueued before it is stored; stopping the host drains the queue. A crash loses at most
/// the entries of the last moments.
/// </summary>
public sealed partial class AuditTrail(IServiceScopeFactory scopes, ILogger<AuditTrail> logger) : BackgroundService
{
    private const int Capacity = 10_000;
    private const int MaxBatch = 1_000;

    /// <summary>
    /// How long the loop lets entries gather once one arrived: entries come one per write call, and without a pause
    /// the loop woke for nearly each one and stored it in a transaction of its own, which competed with the calls'
    /// own commits for the write gate (a unary write cost more in audit commits than in its own).
    /// </summary>
    private static readonly TimeSpan GatherDelay = TimeSpan.FromMilliseconds(20);

    // Full queue: callers wait (back-pressure) rather than lose entries.
    private readonly Channel<AuditWork> queue = Channel.CreateBounded<AuditWork>(new BoundedChannelOptions(Capacity) { SingleReader = true });

    /// <summary>Queues an entry for storage; once the queue has closed (shutdown under way) it is stored directly.</summary>
    public async ValueTask RecordAsync(AuditRecord entry, CancellationToken cancellationToken)
    {
        try
        {
            await queue.Writer.WriteAsync(new AuditWork(entry, null), cancellationToken);
        }
        catch (ChannelClosedException)
        {
            // Hosted services stop before the server has drained its last calls; their entries still count.
            await StoreAsync([entry]);
        }
    }

    /// <summary>Returns once every entry queued before this call is stored.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            await queue.Writer.WriteAsync(new AuditWork(null, flushed), cancellationToken);
        }
        catch (ChannelClosedException)
        {
            // Shutting down: the loop drains what is queued, and later entries are stored directly.
            if (ExecuteTask is not null) await ExecuteTask.WaitAsync(cancellationToken);
            return;
        }

        await flushed.Task.WaitAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Writer.TryComplete();
        if (ExecuteTask is not null) await ExecuteTask.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Runs until the queue is completed and drained (StopAsync), not until stoppingToken: entries are not dropped on shutdown.
        var batch = new List<AuditRecord>(MaxBatch);
        var waiters = new List<TaskCompletionSource>();
        while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            if (queue.Reader.Count < MaxBatch) await Task.Delay(GatherDelay, CancellationToken.None);
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var work))
            {
                if (work.Entry is not null) batch.Add(work.Entry);
                if (work.Flushed is not null) waiters.Add(work.Flushed);
            }

            await StoreAsync(batch);
            waiters.ForEach(w => w.TrySetResult());
            batch.Clear();
            waiters.Clear();
        }
    }

    private async Task StoreAsync(List<AuditRecord> batch)
    {
        if (batch.Count == 0) return;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IAuditStore>().AppendAsync(batch, CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The audit trail must not take the API down; the failure is logged with what was lost.
            LogLost(logger, exception, batch.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store {Count} audit entries.")]
    private static partial void LogLost(ILogger logger, Exception exception, int count);

    private sealed record AuditWork(AuditRecord? Entry, TaskCompletionSource? Flushed);
}
