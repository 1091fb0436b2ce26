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
    /// <summary>Plans beyond this many accounts per arm (10^12) are refused as undetectable rather than overflowing.</summary>
    public const long MaxAccountsPerArm = 1_000_000_000_000;

    public static SamplePlan Plan(SamplePlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);
        double p = request.BaselineConversion, mde = request.MinimumDetectableEffect;
        double alpha = request.Alpha / (request.Arms - 1);
        var conversion = Size(() => ProportionPower.SampleSize(p, p * mde, request.Power, alpha), "minimum_detectable_effect");
        long perArm = Math.Max(conversion.ControlAccounts, conversion.VariantAccounts);
        long total = perArm * request.Arms;
        double? days = request.AccountsPerDay is { } rate ? Days(total, rate) : null;

        long? revenuePerArm = null;
        double? revenueDays = null;
        if (request.AcvMean is { } mu && request.AcvStandardDeviation is { } sigma)
        {
            double mean = p * mu, variance = p * (sigma * sigma + mu * mu) - mean * mean;
            var revenue = Size(() => MeanPower.SampleSize(mean * mde, Math.Sqrt(variance), request.Power, alpha), "acv_mean");
            revenuePerArm = Math.Max(revenue.ControlAccounts, revenue.VariantAccounts);
            revenueDays = request.AccountsPerDay is { } r ? Days(revenuePerArm.Value * request.Arms, r) : null;
        }

        string note = $"Detects a {DecisionText.Percent(mde)} relative change from {DecisionText.Percent(p)} conversion with power {DecisionText.Percent(request.Power)} at alpha {request.Alpha:0.###}"
            + (request.Arms > 2 ? $" (split over {request.Arms - 1} variants: {alpha:0.####} each)" : string.Empty)
            + ". Fixed-horizon sizes; always-valid sequential tests need somewhat more for the same power.";
        return new SamplePlan(perArm, total, conversion.AchievedPower, alpha, days, revenuePerArm, revenueDays, note);
    }

    /// <summary>
    /// A sample size, or a violation of <paramref name="field"/> when extreme but valid inputs make it meaningless: an
    /// effect that underflows to zero or a variance that overflows (the power functions refuse them), or a size
    /// beyond <see cref="MaxAccountsPerArm"/>.
    /// </summary>
    private static SampleSizePlan Size(Func<SampleSizePlan> size, string field)
    {
        SampleSizePlan plan;
        try
        {
            plan = size();
        }
        catch (ArgumentOutOfRangeException exception)
        {
            throw new ValidationFailedException(field, $"gives no plannable effect: {exception.Message.Split(Environment.NewLine)[0]}");
        }

        if (Math.Max(plan.ControlAccounts, plan.VariantAccounts) is < 1 or > MaxAccountsPerArm)
            throw new ValidationFailedException(field, $"is too small to detect: it needs more than {MaxAccountsPerArm:N0} accounts per arm.");
        return plan;
    }

    private static double Days(long accounts, double accountsPerDay)
    {
        double days = accounts / accountsPerDay;
        return double.IsFinite(days) ? days : throw new ValidationFailedException("accounts_per_day", "is too small: the plan would take forever.");
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
