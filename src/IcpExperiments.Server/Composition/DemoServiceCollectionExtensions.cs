using IcpExperiments.Server.Demo;

namespace IcpExperiments.Server.Composition;

/// <summary>Registers the demo seeder and its validated options.</summary>
public static class DemoServiceCollectionExtensions
{
    public static IServiceCollection AddIcpExperimentsDemo(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DemoOptions>()
            .Bind(configuration.GetSection(DemoOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddScoped<DemoSeeder>();
        return services;
    }
}
