using IcpExperiments.Core.Errors;
using IcpExperiments.Statistics.Power;

namespace IcpExperiments.Core.Analysis;

/// <summary>
/// Plans an experiment's size before it starts (the PlanSampleSize RPC): equal arms, two-sided tests at alpha split
/// over the variants (Bonferroni, as <c>ResultsCalculator</c>'s power status does), two proportions for conversion
/// and, given the ACV spread, two means for revenue per account (ACV × won: mean p·μ, variance p(σ² + μ²) − (p·μ)²).
/// Fixed-horizon sizes: always-valid sequential tests need somewhat more for the same power.
/// </summary>
public static class SamplePlanner
{
    public static SamplePlan Plan(SamplePlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);
        double p = request.BaselineConversion, mde = request.MinimumDetectableEffect;
        double alpha = request.Alpha / (request.Arms - 1);
        var conversion = ProportionPower.SampleSize(p, p * mde, request.Power, alpha);
        long perArm = Math.Max(conversion.ControlAccounts, conversion.VariantAccounts);
        long total = perArm * request.Arms;
        double? days = request.AccountsPerDay is { } rate ? total / rate : null;

        long? revenuePerArm = null;
        double? revenueDays = null;
        if (request.AcvMean is { } mu && request.AcvStandardDeviation is { } sigma)
        {
            double mean = p * mu, variance = p * (sigma * sigma + mu * mu) - mean * mean;
            var revenue = MeanPower.SampleSize(mean * mde, Math.Sqrt(variance), request.Power, alpha);
            revenuePerArm = Math.Max(revenue.ControlAccounts, revenue.VariantAccounts);
            revenueDays = request.AccountsPerDay is { } r ? revenuePerArm.Value * request.Arms / r : null;
        }

        string note = $"Detects a {DecisionText.Percent(mde)} relative change from {DecisionText.Percent(p)} conversion with power {DecisionText.Percent(request.Power)} at alpha {request.Alpha:0.###}"
            + (request.Arms > 2 ? $" (split over {request.Arms - 1} variants: {alpha:0.####} each)" : string.Empty)
            + ". Fixed-horizon sizes; always-valid sequential tests need somewhat more for the same power.";
        return new SamplePlan(perArm, total, conversion.AchievedPower, alpha, days, revenuePerArm, revenueDays, note);
    }

    private static void Validate(SamplePlanRequest r)
    {
        var violations = new List<FieldViolation>();
        if (!(r.BaselineConversion > 0 && r.BaselineConversion < 1)) violations.Add(new("baseline_conversion", "must be in (0, 1)."));
        if (!(r.MinimumDetectableEffect > 0) || !double.IsFinite(r.MinimumDetectableEffect)) violations.Add(new("minimum_detectable_effect", "must be > 0."));
        else if (r.BaselineConversion * (1 + r.MinimumDetectableEffect) >= 1)
            violations.Add(new("minimum_detectable_effect", "baseline × (1 + MDE) must stay below 100% conversion."));
        if (!(r.Alpha > 0 && r.Alpha < 1)) violations.Add(new("alpha", "must be in (0, 1)."));
        if (!(r.Power > 0 && r.Power < 1)) violations.Add(new("power", "must be in (0, 1)."));
        if (r.Arms < 2) violations.Add(new("arms", "must be at least 2 (control and one variant)."));
        if (r.AccountsPerDay is { } rate && !(rate > 0 && double.IsFinite(rate))) violations.Add(new("accounts_per_day", "must be > 0 when given."));
        if (r.AcvMean is { } mu && !(mu > 0 && double.IsFinite(mu))) violations.Add(new("acv_mean", "must be > 0 when given."));
        if (r.AcvStandardDeviation is { } sd && !(sd >= 0 && double.IsFinite(sd))) violations.Add(new("acv_standard_deviation", "must be ≥ 0 when given."));
        if ((r.AcvMean is null) != (r.AcvStandardDeviation is null)) violations.Add(new("acv_standard_deviation", "give both ACV mean and standard deviation, or neither."));
        if (violations.Count > 0) throw new ValidationFailedException(violations);
    }
}
