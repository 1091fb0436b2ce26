using System.Reflection;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Microsoft.AspNetCore.Routing;

namespace IcpExperiments.Server.Errors;

/// <summary>Adds each generated method to the endpoint model with validating request marshallers, calling the service's method of the same name.</summary>
internal sealed class ValidatingServiceBinder<TService>(ServiceMethodProviderContext<TService> context) : ServiceBinderBase
    where TService : class
{
    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
    {
        var implementation = Implementation(method.Name, typeof(TRequest), typeof(ServerCallContext));
        context.AddUnaryMethod(MalformedMessageMarshallers.WithRequestValidation(method), Metadata(implementation),
            implementation.CreateDelegate<UnaryServerMethod<TService, TRequest, TResponse>>());
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
    {
        var implementation = Implementation(method.Name, typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext));
        context.AddClientStreamingMethod(MalformedMessageMarshallers.WithRequestValidation(method), Metadata(implementation),
            implementation.CreateDelegate<ClientStreamingServerMethod<TService, TRequest, TResponse>>());
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
    {
        var implementation = Implementation(method.Name, typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
        context.AddServerStreamingMethod(MalformedMessageMarshallers.WithRequestValidation(method), Metadata(implementation),
            implementation.CreateDelegate<ServerStreamingServerMethod<TService, TRequest, TResponse>>());
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
    {
        var implementation = Implementation(method.Name, typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
        context.AddDuplexStreamingMethod(MalformedMessageMarshallers.WithRequestValidation(method), Metadata(implementation),
            implementation.CreateDelegate<DuplexStreamingServerMethod<TService, TRequest, TResponse>>());
    }

    private static MethodInfo Implementation(string name, params Type[] parameters) =>
        typeof(TService).GetMethod(name, BindingFlags.Public | BindingFlags.Instance, parameters)
            ?? throw new InvalidOperationException($"{typeof(TService)} has no method {name}.");

    /// <summary>As grpc-dotnet's binder: the service's attributes, then the method's (higher priority), then POST with CORS preflight.</summary>
    private static List<object> Metadata(MethodInfo implementation) =>
    [
        .. typeof(TService).GetCustomAttributes(inherit: true),
        .. implementation.GetCustomAttributes(inherit: true),
        new HttpMethodMetadata(["POST"], acceptCorsPreflight: true),
    ];
}
