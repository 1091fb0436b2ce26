namespace IcpExperiments.Server.Telemetry;

/// <summary>
/// OpenTelemetry switches, section <c>IcpExperiments:Telemetry</c>. Exporters are chosen by the standard
/// <c>OTEL_*</c> variables (an OTLP endpoint turns OTLP export on); these settings add what those variables cannot say.
/// With no exporter and <see cref="Enabled"/> false, no tracer or meter provider is built, so telemetry costs nothing.
/// </summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "IcpExperiments:Telemetry";

    /// <summary>Writes spans and metrics to standard output, for a first look (default false; <c>IcpExperiments__Telemetry__Console=true</c>).</summary>
    public bool Console { get; set; }

    /// <summary>Builds the tracer and meter providers even without an exporter configured here, for exporters added in code (tests).</summary>
    public bool Enabled { get; set; }
}
