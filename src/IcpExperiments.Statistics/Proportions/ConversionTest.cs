using System.Globalization;
using IcpExperiments.Statistics.Common;

namespace IcpExperiments.Statistics.Proportions;

/// <summary>
/// The default conversion test (DESIGN §2): the pooled two-proportion z-test, or Fisher's exact test when any
/// expected cell count is below 5 — the usual rule for when the normal approximation to the 2×2 table is unsafe.
/// The result's notes say which test ran and why.
/// </summary>
public static class ConversionTest
{
    /// <summary>Smallest expected cell count for which the z-test is used.</summary>
    public const double MinimumExpectedCount = 5.0;

    /// <summary>Runs the default test; Estimate = variant − control rate with a Newcombe interval at 1 − alpha.</summary>
    public static TestResult Run(long controlSuccesses, long controlTrials, long variantSuccesses, long variantTrials, double alpha = 0.05)
    {
        var table = new ConversionTable(controlSuccesses, controlTrials, variantSuccesses, variantTrials);
        Guard.Alpha(alpha);
        double minimumExpected = table.MinimumExpectedCount;
        string expected = minimumExpected.ToString("G4", CultureInfo.InvariantCulture);
        if (minimumExpected < MinimumExpectedCount)
        {
            var fisher = FisherExactTest.Run(table, alpha);
            return fisher with { Notes = [$"Fisher exact used: expected cell < 5 (smallest {expected})", .. fisher.Notes] };
        }

        var z = TwoProportionZTest.Run(table, alpha);
        return z with { Notes = [$"z-test used: every expected cell ≥ 5 (smallest {expected})", .. z.Notes] };
    }
}
