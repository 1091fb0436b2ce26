using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Campaigns;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Core.Outcomes;

namespace IcpExperiments.Core.Tests.Analysis;

/// <summary>
/// Seeded generator of experiments with known truth. Accounts enrol uniformly over <c>enrolmentDays</c> from
/// <see cref="Start"/>; a winner closes after an exponential cycle (redrawn inside the window, so the true
/// within-window conversion is exactly the arm's rate); a loser is lost at a uniform time; the rest stay open.
/// ACV is log-normal with the arm's mean. With <c>covariate</c>, each account gets a pre-period value correlated
/// with its chance to win (as last year's pipeline would be).
/// </summary>
internal static class SyntheticExperiment
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    public static ExperimentSnapshot Generate(
        ExperimentDesign design, IReadOnlyList<ArmTruth> arms, int accounts, int seed, int enrolmentDays = 60, double? followUpDays = null, bool covariate = false)
    {
        var random = new Random(seed);
        int window = design.ObservationWindowDays;
        var asOf = Start.AddDays(enrolmentDays + (followUpDays ?? window));
        var builder = new SnapshotBuilder(design, asOf);
        double totalShare = arms.Sum(a => a.Share);
        for (int n = 0; n < accounts; n++)
        {
            var arm = Pick(arms, random.NextDouble() * totalShare);
            var enrolled = Start.AddDays(random.NextDouble() * enrolmentDays);
            builder.AddAccount(arm.Key, Outcome(arm, enrolled, window, random, covariate), "USD");
            builder.AddSpend(arm.Key, new Money("USD", arm.SpendPerAccount));
        }

        return builder.Build();
    }

    private static AccountObservation Outcome(ArmTruth arm, DateTimeOffset enrolled, int window, Random random, bool covariate)
    {
        double u = random.NextDouble();
        double? prior = covariate ? 1 - u + 0.2 * Gaussian(random) : null;
        return Outcome(arm, enrolled, window, random, u) with { Covariate = prior };
    }

    private static AccountObservation Outcome(ArmTruth arm, DateTimeOffset enrolled, int window, Random random, double u)
    {
        if (u < arm.ConversionRate)
        {
            double days;
            do days = -arm.MeanCycleDays * Math.Log(1 - random.NextDouble());
            while (days > window);
            double sigma = 0.6, mu = Math.Log(arm.MeanAcv) - sigma * sigma / 2;
            double acv = Math.Exp(mu + sigma * Gaussian(random));
            return new AccountObservation(enrolled, OutcomeKind.Converted, enrolled.AddDays(days), Math.Round((decimal)acv, 2));
        }

        if (u < arm.ConversionRate + (1 - arm.ConversionRate) * arm.LossShare)
            return new AccountObservation(enrolled, OutcomeKind.Lost, enrolled.AddDays(1 + random.NextDouble() * (window - 1)));
        return new AccountObservation(enrolled);
    }

    private static ArmTruth Pick(IReadOnlyList<ArmTruth> arms, double draw)
    {
        foreach (var arm in arms)
        {
            if (draw < arm.Share) return arm;
            draw -= arm.Share;
        }

        return arms[^1];
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
