namespace IcpExperiments.Core.Experiments;

public enum AnalysisMode
{
    /// <summary>Always-valid inference: safe under continuous peeking (the default).</summary>
    Sequential = 1,

    /// <summary>Classic tests, valid once at the planned sample size.</summary>
    FixedHorizon = 2,
}
