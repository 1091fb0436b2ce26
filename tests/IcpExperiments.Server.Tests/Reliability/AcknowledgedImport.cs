using Grpc.Core;
using IcpExperiments.Contracts.V1;

namespace IcpExperiments.Server.Tests.Reliability;

/// <summary>
/// An importer as a careful client writes one: batches pipelined on one ImportOutcomes stream (at most
/// <see cref="Window"/> unacknowledged), acknowledgements read concurrently and recorded in order. It can pull the
/// plug on the server after a given number of acknowledgements, leaving the batches in flight unacknowledged.
/// </summary>
public sealed class AcknowledgedImport(IReadOnlyList<ImportOutcomesRequest> batches)
{
    public const int Window = 8;

    private readonly ImportOutcomesResponse?[] acknowledgements = new ImportOutcomesResponse?[batches.Count];
    private volatile bool crashing;

    /// <summary>Batches acknowledged so far; acknowledgements come in order, so they are always a prefix.</summary>
    public int Acknowledged { get; private set; }

    public IReadOnlyList<ImportOutcomesResponse?> Acknowledgements => acknowledgements;

    /// <summary>
    /// Sends every batch not yet acknowledged. When <paramref name="crashAfter"/> batches are acknowledged in total,
    /// runs <paramref name="crash"/> (a SIGKILL of the server) and returns once both directions have failed.
    /// </summary>
    public async Task SendRemainingAsync(OutcomeService.OutcomeServiceClient client, int crashAfter, Func<Task> crash)
    {
        using var crashed = new CancellationTokenSource();
        using var window = new SemaphoreSlim(Window);
        using var call = client.ImportOutcomes(cancellationToken: CancellationToken.None);
        var reader = ReadAcknowledgementsAsync(call.ResponseStream, window, crashAfter, crash, crashed);
        try
        {
            for (int i = Acknowledged; i < batches.Count; i++)
            {
                await window.WaitAsync(crashed.Token);
                await call.RequestStream.WriteAsync(batches[i], crashed.Token);
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (Exception exception) when (crashing && exception is RpcException or OperationCanceledException or IOException or InvalidOperationException)
        {
            // The server is gone; what was not acknowledged gets resent after the restart.
        }

        await reader;
    }

    private async Task ReadAcknowledgementsAsync(
        IAsyncStreamReader<ImportOutcomesResponse> responses, SemaphoreSlim window, int crashAfter, Func<Task> crash, CancellationTokenSource crashed)
    {
        try
        {
            while (await responses.MoveNext(CancellationToken.None))
            {
                var ack = responses.Current;
                if (ack.BatchId != batches[Acknowledged].BatchId)
                    throw new InvalidOperationException($"Acknowledgement for '{ack.BatchId}' arrived where '{batches[Acknowledged].BatchId}' was due.");
                acknowledgements[Acknowledged++] = ack;
                window.Release();
                if (Acknowledged == crashAfter)
                {
                    crashing = true;
                    await crash();
                    await crashed.CancelAsync(); // Wakes a writer waiting for window space.
                    return;
                }
            }
        }
        catch (RpcException) when (crashing)
        {
            // Expected after the crash.
        }
    }
}
