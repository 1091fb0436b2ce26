using Grpc.Core;

namespace IcpExperiments.Server.Tests.Replicas;

/// <summary>How one call ended: OK with its response, or a status and the error carrying its details.</summary>
public sealed record CallResult<T>(StatusCode Code, T? Response, RpcException? Error)
    where T : class;
