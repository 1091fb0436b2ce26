using System.Reflection;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace IcpExperiments.Server.Errors;

/// <summary>
/// Registers the methods of every generated gRPC service as grpc-dotnet's own binder does (the generated
/// <c>BindService</c>, the same endpoint metadata), but with <see cref="MalformedMessageMarshallers"/> as request
/// marshallers. It replaces the default provider, so each method is registered once.
/// </summary>
public sealed class ValidatingServiceMethodProvider<TService> : IServiceMethodProvider<TService>
    where TService : class
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        for (var type = typeof(TService); type is not null; type = type.BaseType)
        {
            var attribute = type.GetCustomAttribute<BindServiceMethodAttribute>(inherit: false);
            if (attribute is null) continue;
            var bind = attribute.BindType.GetMethod(attribute.BindMethodName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, [typeof(ServiceBinderBase), type])
                ?? throw new InvalidOperationException($"{attribute.BindType} has no {attribute.BindMethodName}(ServiceBinderBase, {type.Name}).");
            // With a null implementation the generated code passes null handlers: the binder only needs the methods.
            bind.Invoke(null, [new ValidatingServiceBinder<TService>(context), null]);
            return;
        }
    }
}
