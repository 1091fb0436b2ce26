extern alias server;

using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using IcpExperimentsHost = server::IcpExperiments.Server.Composition.IcpExperimentsHost;
using TelemetryServiceCollectionExtensions = server::IcpExperiments.Server.Telemetry.TelemetryServiceCollectionExtensions;

namespace IcpExperiments.Server.Tests.Telemetry;

/// <summary>Which telemetry the composition builds for a configuration (the host is built, not started).</summary>
public sealed class TelemetryCompositionTests
{
    private const string GrpcSwitch = TelemetryServiceCollectionExtensions.GrpcInstrumentationSwitch;

    [Fact]
    public async Task CreateBuilder_NothingConfigured_NoTracerOrMeterProvider()
    {
        // Act
        await using var app = IcpExperimentsHost.CreateBuilder([]).Build();

        // Assert
        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<MeterProvider>());
    }

    [Theory]
    [InlineData("--OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4317")]
    [InlineData("--OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=http://127.0.0.1:4318/v1/traces")]
    [InlineData("--IcpExperiments:Telemetry:Console=true")]
    public async Task CreateBuilder_ExporterConfigured_BuildsProvidersWithGrpcAttributesOn(string setting)
    {
        // Act
        var builder = IcpExperimentsHost.CreateBuilder([setting]);
        await using var app = builder.Build();

        // Assert
        Assert.NotNull(app.Services.GetService<TracerProvider>());
        Assert.NotNull(app.Services.GetService<MeterProvider>());
        Assert.Equal("true", builder.Configuration[GrpcSwitch]);
    }

    [Fact]
    public void CreateBuilder_GrpcAttributesSwitchedOff_StaysOff()
    {
        // Act
        var builder = IcpExperimentsHost.CreateBuilder(["--IcpExperiments:Telemetry:Console=true", $"--{GrpcSwitch}=false"]);

        // Assert
        Assert.Equal("false", builder.Configuration[GrpcSwitch]);
    }
}
