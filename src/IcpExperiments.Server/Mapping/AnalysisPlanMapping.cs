using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Server.Validation;
using V1 = IcpExperiments.Contracts.V1;

namespace IcpExperiments.Server.Mapping;

/// <summary>Maps PlanSampleSize: defaults for zero fields; the planner itself reports invalid values as field violations.</summary>
public static class AnalysisPlanMapping
{
    public const int MaxArms = 11;

    public static SamplePlanRequest ToDomain(V1.PlanSampleSizeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validation = new RequestValidation();
        validation.Check(request.Arms is >= 0 and <= MaxArms, "arms", $"must be in [2, {MaxArms}] (0 means 2).");
        validation.ThrowIfInvalid();
        return new SamplePlanRequest(
            request.BaselineConversion,
            request.MinimumDetectableEffect,
            request.Alpha == 0 ? ExperimentDesign.DefaultAlpha : request.Alpha,
            request.Power == 0 ? ExperimentDesign.DefaultPower : request.Power,
            request.Arms == 0 ? 2 : request.Arms,
            request.HasAccountsPerDay ? request.AccountsPerDay : null,
            request.HasAcvMean ? request.AcvMean : null,
            request.HasAcvStandardDeviation ? request.AcvStandardDeviation : null);
    }

    public static V1.PlanSampleSizeResponse ToProto(SamplePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var proto = new V1.PlanSampleSizeResponse
        {
            AccountsPerArm = plan.AccountsPerArm,
            TotalAccounts = plan.TotalAccounts,
            AchievedPower = plan.AchievedPower,
            AlphaPerComparison = plan.AlphaPerComparison,
            Note = plan.Note,
        };
        if (plan.Days is { } days) proto.Days = days;
        if (plan.RevenueAccountsPerArm is { } revenue) proto.RevenueAccountsPerArm = revenue;
        if (plan.RevenueDays is { } revenueDays) proto.RevenueDays = revenueDays;
        return proto;
    }
}
