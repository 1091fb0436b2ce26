using Grpc.Core;

namespace IcpExperiments.Server.Tests.Unit;

/// <summary>A call context with a chosen deadline and cancellation token, for testing interceptors without a server.</summary>
public sealed class FakeServerCallContext(DateTime deadline, CancellationToken cancellationToken) : ServerCallContext
{
    protected override string MethodCore => "/icp_experiments.v1.OutcomeService/RecordOutcome";

    protected override string HostCore => "127.0.0.1";

    protected override string PeerCore => "ipv4:127.0.0.1:1";

    protected override DateTime DeadlineCore => deadline;

    protected override Metadata RequestHeadersCore { get; } = [];

    protected override CancellationToken CancellationTokenCore => cancellationToken;

    protected override Metadata ResponseTrailersCore { get; } = [];

    protected override Status StatusCore { get; set; }

    protected override WriteOptions? WriteOptionsCore { get; set; }

    protected override AuthContext AuthContextCore { get; } = new(null, []);

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => throw new NotSupportedException();

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
}
