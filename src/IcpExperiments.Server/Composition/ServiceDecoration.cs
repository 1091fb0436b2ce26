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
        var create = Creator(original);
        services.Add(new ServiceDescriptor(typeof(TService), sp => decorate((TService)create(sp), sp), original.Lifetime));
        return services;
    }

    /// <summary>Builds the original once per registration: a scoped service is created on every call, and looking its constructor up each time costs more than the call's own work.</summary>
    private static Func<IServiceProvider, object> Creator(ServiceDescriptor original)
    {
        if (original.ImplementationInstance is { } instance) return _ => instance;
        if (original.ImplementationFactory is { } factory) return factory;
        var objectFactory = ActivatorUtilities.CreateFactory(original.ImplementationType!, Type.EmptyTypes);
        return services => objectFactory(services, null);
    }
}
