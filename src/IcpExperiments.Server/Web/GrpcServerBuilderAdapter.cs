using Grpc.AspNetCore.Server;

namespace IcpExperiments.Server.Web;

/// <summary>
/// Lets gRPC add-ons (JSON transcoding) register on the services without calling <c>AddGrpc()</c> again: that would
/// re-add grpc-dotnet's default method provider, which the composition replaced with its validating one.
/// </summary>
internal sealed class GrpcServerBuilderAdapter(IServiceCollection services) : IGrpcServerBuilder
{
    public IServiceCollection Services { get; } = services;
}
