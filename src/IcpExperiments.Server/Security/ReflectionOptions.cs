namespace IcpExperiments.Server.Security;

/// <summary>Server reflection, section <c>IcpExperiments:Reflection</c>: on by default so any gRPC tool can discover the API; off hides the contract from anonymous callers.</summary>
public sealed class ReflectionOptions
{
    public const string SectionName = "IcpExperiments:Reflection";

    /// <summary>Whether grpc.reflection.v1 and v1alpha are served (default true; environment <c>IcpExperiments__Reflection__Enabled=false</c>).</summary>
    public bool Enabled { get; set; } = true;
}
