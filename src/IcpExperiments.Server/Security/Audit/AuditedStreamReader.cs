using Grpc.Core;

namespace IcpExperiments.Server.Security.Audit;

/// <summary>Passes a request stream through, counting its messages and noting the distinct resources they name (the first few).</summary>
internal sealed class AuditedStreamReader<T>(IAsyncStreamReader<T> inner) : IAsyncStreamReader<T>
{
    private const int MaxResources = 10;
    private readonly List<string> resources = [];
    private bool truncated;

    public T Current => inner.Current;

    public int Count { get; private set; }

    /// <summary>The resources named, comma-separated, ending in "…" when there were more than fit.</summary>
    public string Resources => string.Join(",", resources) + (truncated ? ",…" : "");

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (!await inner.MoveNext(cancellationToken)) return false;
        Count++;
        if (AuditResource.Of(inner.Current) is { } resource && !resources.Contains(resource))
        {
            if (resources.Count < MaxResources) resources.Add(resource);
            else truncated = true;
        }

        return true;
    }
}
