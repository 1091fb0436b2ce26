namespace IcpExperiments.Storage;

/// <summary>
/// This process's writers, one at a time: they queue on a semaphore and hand over at once (no polling), and the unary
/// group commit relies on the holder storing what others queued. Cross-process exclusion is the engine's business.
/// </summary>
internal sealed class WriteGate : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>Waits until this process may write; dispose the result to let the next writer in.</summary>
    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    public void Dispose() => gate.Dispose();

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0) gate.Release();
        }
    }
}
