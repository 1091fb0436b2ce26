using IcpExperiments.Core.Accounts;
using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Analysis.Segments;
using IcpExperiments.Core.Outcomes;
using IcpExperiments.Statistics.Multiplicity;
using IcpExperiments.Statistics.Proportions;

namespace IcpExperiments.Core.Tests.Analysis.Segments;

public sealed class SegmentAnalysisTests
{
    private static readonly DateTimeOffset AsOf = Samples.Now;

    [Fact]
    public void Analyze_OneIndustryWithLift_CountsMatchAndOnlyThatSegmentIsSignificant()
    {
        // Arrange: fintech converts 10% in control, 50% in the variant; saas 20% in both.
        var accounts = new List<SegmentedAccount>();
        accounts.AddRange(Accounts("fintech", "control", 100, 10));
        accounts.AddRange(Accounts("fintech", "variant-a", 100, 50));
        accounts.AddRange(Accounts("saas", "control", 100, 20));
        accounts.AddRange(Accounts("saas", "variant-a", 100, 20));

        // Act
        var report = SegmentAnalysis.Analyze(Samples.Design(), AsOf, accounts, [WellKnownAttributes.Industry], 30);

        // Assert
        Assert.Equal(["fintech", "saas"], report.Rows.Select(r => r.Value));
        var fintech = report.Rows[0];
        Assert.Equal([(100, 10), (100, 50)], fintech.Arms.Select(a => (a.Accounts, a.Converted)));
        Assert.Equal(0.5, fintech.Arms[1].ConversionRate, 12);
        Assert.Equal(20_000.0, fintech.Arms[1].MeanAcv!.Value, 9);
        var lift = Assert.Single(fintech.Comparisons);
        var expected = ConversionTest.Run(10, 100, 50, 100, Samples.Design().Alpha);
        Assert.Equal(expected.PValue, lift.PValue, 15);
        Assert.Equal(0.4, lift.Difference, 12);
        Assert.True(lift.Lower > 0);
        var raw = report.Rows.SelectMany(r => r.Comparisons).Select(c => c.PValue).ToArray();
        Assert.Equal(PValueAdjustment.BenjaminiHochberg(raw), report.Rows.SelectMany(r => r.Comparisons).Select(c => c.AdjustedPValue));
        Assert.True(lift.AdjustedPValue < 0.001);
        Assert.True(report.Rows[1].Comparisons[0].AdjustedPValue > 0.5);
        Assert.Equal(2, report.Comparisons);
        Assert.Contains("not decision-grade", report.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_SegmentBelowMinimum_ListedTooSmallWithoutComparisons()
    {
        // Arrange
        var accounts = Accounts("fintech", "control", 10, 1).Concat(Accounts("fintech", "variant-a", 10, 5)).ToList();

        // Act
        var report = SegmentAnalysis.Analyze(Samples.Design(), AsOf, accounts, [WellKnownAttributes.Industry], 30);

        // Assert
        var row = Assert.Single(report.Rows);
        Assert.True(row.TooSmall);
        Assert.Equal(20, row.Accounts);
        Assert.Empty(row.Comparisons);
        Assert.Equal(0, report.Comparisons);
    }

    [Fact]
    public void Analyze_LateEnrolmentAndWinAfterWindow_FollowTheObservationRules()
    {
        // Arrange: one account enrolled after as-of (not counted), one won after the window (not converted).
        var window = Samples.Design().ObservationWindowDays;
        var enrolled = AsOf.AddDays(-window - 10);
        var late = new SegmentedAccount("control", Industry("saas"), new AccountObservation(AsOf.AddDays(1)));
        var slowWin = new SegmentedAccount("control", Industry("saas"), new AccountObservation(enrolled, OutcomeKind.Converted, enrolled.AddDays(window + 1), 1000m));
        var quickWin = new SegmentedAccount("variant-a", Industry("saas"), new AccountObservation(enrolled, OutcomeKind.Converted, enrolled.AddDays(3), 1000m));

        // Act
        var report = SegmentAnalysis.Analyze(Samples.Design(), AsOf, [late, slowWin, quickWin], [WellKnownAttributes.Industry], 1);

        // Assert
        var row = Assert.Single(report.Rows);
        Assert.Equal([(1, 0), (1, 1)], row.Arms.Select(a => (a.Accounts, a.Converted)));
        Assert.Null(row.Arms[0].MeanAcv);
    }

    [Fact]
    public void Analyze_MissingAttribute_LeftOutOfThatAttributeOnly()
    {
        // Arrange
        var account = new SegmentedAccount("control", Industry("saas") with { Region = null }, new AccountObservation(AsOf.AddDays(-5)));

        // Act
        var report = SegmentAnalysis.Analyze(Samples.Design(), AsOf, [account], [WellKnownAttributes.Region, WellKnownAttributes.Industry], 1);

        // Assert
        Assert.Equal([(WellKnownAttributes.Industry, "saas")], report.Rows.Select(r => (r.Attribute, r.Value)));
    }

    private static AccountAttributes Industry(string industry) => Samples.Attributes() with { Industry = industry };

    private static IEnumerable<SegmentedAccount> Accounts(string industry, string arm, int count, int wins)
    {
        var enrolled = AsOf.AddDays(-30);
        for (int i = 0; i < count; i++)
        {
            var observation = i < wins
                ? new AccountObservation(enrolled, OutcomeKind.Converted, enrolled.AddDays(5), 20_000m)
                : new AccountObservation(enrolled);
            yield return new SegmentedAccount(arm, Industry(industry), observation);
        }
    }
}
