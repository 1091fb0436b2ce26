using IcpExperiments.Core.Experiments;
using IcpExperiments.Statistics.Sequential;

namespace IcpExperiments.Core.Analysis;

/// <summary>What every comparison of one run shares: alpha, mode, the fixed sequential design, options and the seeded bootstrap source.</summary>
internal sealed record AnalysisContext(ExperimentDesign Design, AnalysisOptions Options, SequentialDesign Sequential, Random Bootstrap)
{
    public double Alpha => Design.Alpha;

    public double ConfidenceLevel => 1 - Design.Alpha;

    public bool IsSequential => Design.AnalysisMode == AnalysisMode.Sequential;

    public static AnalysisContext For(ExperimentDesign design, AnalysisOptions options) =>
        new(design, options, new SequentialDesign(design.Alpha, options.SequentialTuningSampleSize ?? AnalysisOptions.DefaultTuningSampleSize),
            new Random(options.BootstrapSeed));
}
