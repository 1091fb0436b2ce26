namespace IcpExperiments.Server.Composition;

/// <summary>Wraps an already registered service in a decorator, keeping the original's lifetime.</summary>
public static class ServiceDecoration
{
    public static IServiceCollection Decorate<TService>(this IServiceCollection services, Func<TService, IServiceProvider, TService> decorate)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(decorate);
        var original = services.LastOrDefault(d => d.ServiceType == typeof(TService))
            ?? throw new InvalidOperationException($"{typeof(TService).Name} must be registered before it can be decorated.");
        services.Remove(original);
        services.Add(new ServiceDescriptor(typeof(TService), sp => decorate((TService)Create(original, sp), sp), original.Lifetime));
        return services;
    }

    private static object Create(ServiceDescriptor original, IServiceProvider services) =>
        original.ImplementationInstance
        ?? original.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, original.ImplementationType!);
}
