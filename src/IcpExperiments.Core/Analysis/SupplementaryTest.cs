using IcpExperiments.Statistics.Common;

namespace IcpExperiments.Core.Analysis;

/// <summary>A test reported beside the default one (never used for the decision), e.g. Mann–Whitney beside Welch.</summary>
public sealed record SupplementaryTest(string Method, double? PValue, double? Estimate, Interval? Interval, string Note)
{
    public static SupplementaryTest From(TestResult result, string note)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.IsComputable) return new SupplementaryTest(result.Method, null, null, null, string.Join(" ", result.Notes));
        double? estimate = double.IsNaN(result.Estimate) ? null : result.Estimate;
        Interval? interval = double.IsNaN(result.ConfidenceInterval.Lower) ? null : result.ConfidenceInterval;
        return new SupplementaryTest(result.Method, result.PValue, estimate, interval, note);
    }
}
