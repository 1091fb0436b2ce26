using IcpExperiments.Core.Experiments;
using IcpExperiments.Statistics.Continuous;
using IcpExperiments.Statistics.Power;

namespace IcpExperiments.Core.Analysis;

/// <summary>
/// Power on the primary metric for the design's MDE (relative to control's observed value), with alpha split over
/// the variants (Bonferroni: the worst case of Holm). Conversion and CAC use two proportions, revenue and ACV two
/// means (ACV counts won deals, turned into accounts by the pooled conversion rate), cycle length Schoenfeld's events.
/// Accounts still needed are summed over arms; days assume enrolment continues at the average rate so far, split as planned.
/// </summary>
internal static class PowerAnalysis
{
    public static PowerStatus Compute(IReadOnlyList<ArmData> arms, ExperimentDesign design)
    {
        var metric = design.PrimaryMetric;
        var control = arms[0];
        int variants = arms.Count - 1;
        double alpha = design.Alpha / variants;
        double? perDay = EnrolmentRate(arms);
        var required = new long[arms.Count];
        double achieved = 1;
        for (int i = 1; i < arms.Count; i++)
        {
            var plan = Plan(metric, control, arms[i], design, alpha);
            if (plan.Reason is not null) return new PowerStatus(metric, null, null, null, perDay, null, string.Empty, plan.Reason);
            required[0] = Math.Max(required[0], plan.Control);
            required[i] = plan.Variant;
            achieved = Math.Min(achieved, plan.Achieved);
        }

        long stillNeeded = 0;
        double days = 0, allocation = 0;
        foreach (var arm in arms) allocation += arm.Arm.PlannedAllocation;
        for (int i = 0; i < arms.Count; i++)
        {
            long missing = Math.Max(0, required[i] - arms[i].Enrolled);
            stillNeeded += missing;
            if (perDay is { } rate) days = Math.Max(days, missing / (rate * arms[i].Arm.PlannedAllocation / allocation));
        }

        long largestArm = 0;
        foreach (long n in required) largestArm = Math.Max(largestArm, n);
        string note = $"For a {DecisionText.Percent(design.MinimumDetectableEffect)} relative change in {DecisionText.Name(metric)} at alpha {design.Alpha:0.###}"
            + (variants > 1 ? $" split over {variants} variants" : string.Empty) + $" and power {DecisionText.Percent(design.Power)}.";
        return new PowerStatus(metric, achieved, largestArm, stillNeeded, perDay, perDay is null ? null : days, note, null);
    }

    /// <summary>
    /// Accounts enrolled per day between the first and the last enrolment (the pace while enrolling, not diluted by
    /// follow-up time after enrolment paused); null until enrolment has spanned a day.
    /// </summary>
    internal static double? EnrolmentRate(IReadOnlyList<ArmData> arms)
    {
        long total = 0;
        var first = DateTimeOffset.MaxValue;
        var last = DateTimeOffset.MinValue;
        foreach (var arm in arms)
        {
            var enrolled = arm.Arm.EnrolledAt;
            total += enrolled.Length;
            for (int i = 0; i < enrolled.Length; i++)
            {
                if (enrolled[i] < first) first = enrolled[i];
                if (enrolled[i] > last) last = enrolled[i];
            }
        }

        double span = total == 0 ? 0 : (last - first).TotalDays;
        return span >= 1 ? total / span : null;
    }

    private static (long Control, long Variant, double Achieved, string? Reason) Plan(
        Metric metric, ArmData control, ArmData variant, ExperimentDesign design, double alpha)
    {
        if (control.Enrolled < 2 || variant.Enrolled < 2) return (0, 0, 0, "Too few accounts to estimate the baseline.");
        double mde = design.MinimumDetectableEffect, ratio = control.Arm.PlannedAllocation / variant.Arm.PlannedAllocation;
        double pooledRate = (double)(control.Converted + variant.Converted) / (control.Enrolled + variant.Enrolled);
        switch (metric)
        {
            case Metric.Conversion or Metric.Cac:
                double rate = control.ConversionRate, effect = rate * mde;
                if (!(rate > 0 && rate + effect < 1)) return (0, 0, 0, "Control's conversion rate is 0 (or too close to 1) for a power calculation.");
                var proportions = ProportionPower.SampleSize(rate, effect, design.Power, alpha, ratio);
                return (proportions.ControlAccounts, proportions.VariantAccounts,
                    ProportionPower.Power(rate, effect, control.Enrolled, variant.Enrolled, alpha), null);
            case Metric.RevenuePerAccount or Metric.Acv:
                var values = metric == Metric.Acv ? control.WonAcv : control.Revenue;
                if (values.Length < 2) return (0, 0, 0, "Too few won deals in control to estimate the spread.");
                var summary = SampleSummary.FromValues(values);
                double sd = Math.Sqrt(summary.Variance), delta = summary.Mean * mde;
                if (!(sd > 0 && delta > 0)) return (0, 0, 0, "Control's values have no spread (or a zero mean) for a power calculation.");
                var means = MeanPower.SampleSize(delta, sd, design.Power, alpha, ratio);
                double perAccount = metric == Metric.Acv ? pooledRate : 1;
                if (!(perAccount > 0)) return (0, 0, 0, "No conversions yet.");
                long wonControl = metric == Metric.Acv ? control.WonAcv.Length : control.Enrolled;
                long wonVariant = metric == Metric.Acv ? variant.WonAcv.Length : variant.Enrolled;
                double power = wonControl > 0 && wonVariant > 0 ? MeanPower.Power(delta, sd, wonControl, wonVariant, alpha) : 0;
                return ((long)Math.Ceiling(means.ControlAccounts / perAccount), (long)Math.Ceiling(means.VariantAccounts / perAccount), power, null);
            default:
                if (!(pooledRate > 0)) return (0, 0, 0, "No deal won yet: the event rate is unknown.");
                double hazardRatio = 1 + mde, share = 1 / (1 + ratio);
                double events = LogRankPower.EventsNeeded(hazardRatio, design.Power, alpha, share);
                long accounts = LogRankPower.AccountsNeeded(events, pooledRate);
                long observed = control.Converted + variant.Converted;
                double achieved = observed > 0 ? LogRankPower.Power(hazardRatio, observed, alpha, share) : 0;
                return ((long)Math.Ceiling(accounts * (1 - share)), (long)Math.Ceiling(accounts * share), achieved, null);
        }
    }
}
