using IcpExperiments.Statistics.Survival;

namespace IcpExperiments.Statistics.Tests.Survival;

/// <summary>Invariants on seeded random data: KM never increases, intervals contain estimates, p in [0, 1].</summary>
public sealed class SurvivalPropertyTests
{
    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5, 6, 7, 8];

    private static SurvivalSample RandomArm(Random random, double rate)
    {
        int n = random.Next(1, 400);
        var times = new double[n];
        var events = new bool[n];
        for (int i = 0; i < n; i++)
        {
            double eventTime = -Math.Log(1 - random.NextDouble()) / rate;
            double censorTime = random.NextDouble() * 120;
            // Rounding to whole days creates the heavy ties real CRM data has.
            times[i] = Math.Round(Math.Min(eventTime, censorTime));
            events[i] = eventTime <= censorTime;
        }

        return SurvivalSample.Create(times, events);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void KaplanMeierEstimate_RandomData_NeverIncreasesAndIntervalsContainEstimate(int seed)
    {
        // Arrange
        var sample = RandomArm(new Random(seed), 1 / 40.0);

        // Act
        var curve = KaplanMeier.Estimate(sample);

        // Assert
        double previous = 1.0;
        foreach (var point in curve.Points)
        {
            Assert.True(point.Survival <= previous, $"S rose at t={point.Time}");
            Assert.True(point.ConfidenceInterval.Contains(point.Survival));
            Assert.InRange(point.Survival, 0, 1);
            previous = point.Survival;
        }

        var median = curve.Median;
        Assert.True(median.ConfidenceInterval.Lower <= median.Estimate && median.Estimate <= median.ConfidenceInterval.Upper);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void LogRankAndRmst_RandomData_PValuesInUnitIntervalAndIntervalsContainEstimates(int seed)
    {
        // Arrange
        var random = new Random(seed);
        var control = RandomArm(random, 1 / 40.0);
        var variant = RandomArm(random, 1 / 30.0);
        double horizon = Math.Min(control.MaxTime, variant.MaxTime);

        // Act
        var logRank = LogRank.Test(control, variant);
        var rmst = RestrictedMeanSurvival.Compare(control, variant, Math.Max(horizon, 1e-9));

        // Assert
        foreach (var test in new[] { logRank.Test, rmst.Difference })
        {
            if (!test.IsComputable) continue;
            Assert.InRange(test.PValue, 0, 1);
            Assert.True(test.ConfidenceInterval.Contains(test.Estimate));
        }
    }
}
