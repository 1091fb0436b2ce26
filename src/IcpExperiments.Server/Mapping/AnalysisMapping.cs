using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Application;
using IcpExperiments.Core.Campaigns;
using IcpExperiments.Server.Validation;
using IcpExperiments.Statistics.Common;
using V1 = IcpExperiments.Contracts.V1;

namespace IcpExperiments.Server.Mapping;

/// <summary>Maps an experiment's analysis to the ExperimentResults message (curves via <see cref="AnalysisCurveMapping"/>).</summary>
public static class AnalysisMapping
{
    public static V1.ExperimentResults ToProto(ExperimentAnalysis analysis, int curvePoints)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var experiment = analysis.Experiment;
        var results = analysis.Results;
        var proto = new V1.ExperimentResults
        {
            Name = $"{ResourceNames.OfExperiment(experiment.Id)}/results",
            Experiment = ResourceNames.OfExperiment(experiment.Id),
            AsOf = CommonMapping.ToProto(results.AsOf),
            DataVersion = analysis.DataVersion,
            ExperimentState = (V1.ExperimentState)(int)experiment.State,
            ExperimentEtag = experiment.Etag,
            AnalysisMode = results.Mode == Core.Experiments.AnalysisMode.FixedHorizon ? V1.AnalysisMode.FixedHorizon : V1.AnalysisMode.Sequential,
            Correction = ToProto(results.Correction),
            PrimaryMetric = ToProto(experiment.Design.PrimaryMetric),
            ConfidenceLevel = 1 - experiment.Design.Alpha,
            SpendCurrency = analysis.SpendCurrency ?? string.Empty,
            AcvCurrency = analysis.AcvCurrency ?? string.Empty,
            SampleRatio = ToProto(results.SampleRatio),
            Power = ToProto(results.Power),
        };
        proto.Arms.AddRange(results.Arms.Select(a => ToProto(a, analysis.SpendCurrency)));
        proto.Variants.AddRange(results.Variants.Select(v => ToProto(v, curvePoints)));
        proto.Decisions.AddRange(analysis.Decisions.Select(ToProto));
        return proto;
    }

    public static V1.MultipleComparisonCorrection ToProto(MultipleComparisonCorrection correction) => correction == MultipleComparisonCorrection.BenjaminiHochberg
        ? V1.MultipleComparisonCorrection.BenjaminiHochberg
        : V1.MultipleComparisonCorrection.Holm;

    public static V1.Metric ToProto(Core.Experiments.Metric metric) => (V1.Metric)(int)metric;

    public static V1.Bounds? ToProto(Interval? interval) => interval is { } i ? new V1.Bounds { Lower = i.Lower, Upper = i.Upper } : null;

    public static V1.Estimate? ToProto(Effect? effect) => effect is null ? null : new V1.Estimate { Estimate_ = effect.Estimate, Interval = ToProto(effect.Interval) };

    private static V1.ArmResults ToProto(ArmSummary arm, string? currency)
    {
        var proto = new V1.ArmResults
        {
            Arm = arm.Key, PlannedAllocation = arm.PlannedAllocation, Enrolled = arm.Enrolled, Converted = arm.Converted, Lost = arm.Lost, Open = arm.Open,
        };
        if (currency is null) return proto;
        proto.Spend = CommonMapping.ToProto(new Money(currency, arm.Spend));
        if (arm.Cac is { } cac) proto.Cac = CommonMapping.ToProto(new Money(currency, decimal.Round(cac, 9)));
        return proto;
    }

    private static V1.VariantResults ToProto(VariantResults variant, int curvePoints)
    {
        var proto = new V1.VariantResults { Variant = variant.VariantKey, CycleLength = AnalysisCurveMapping.ToProto(variant.CycleLength, curvePoints) };
        proto.Metrics.AddRange(variant.Metrics.Select(ToProto));
        return proto;
    }

    private static V1.MetricResults ToProto(MetricComparison metric)
    {
        var proto = new V1.MetricResults
        {
            Metric = ToProto(metric.Metric),
            Control = ToProto(metric.Control),
            Variant = ToProto(metric.Variant),
            AbsoluteDifference = ToProto(metric.Absolute),
            RelativeDifference = ToProto(metric.Relative),
            Test = metric.Test,
            TestReason = metric.TestReason,
            SequentiallyValid = metric.SequentiallyValid,
            NotComputableReason = metric.NotComputableReason ?? string.Empty,
        };
        if (metric.PValue is { } p) proto.PValue = p;
        if (metric.AdjustedPValue is { } adjusted) proto.AdjustedPValue = adjusted;
        if (metric.ChanceToBeatControl is { } chance) proto.ChanceToBeatControl = chance;
        proto.Supplementary.AddRange(metric.Supplementary.Select(ToProto));
        return proto;
    }

    private static V1.ArmValue? ToProto(ArmEstimate? estimate) =>
        estimate is null ? null : new V1.ArmValue { Value = estimate.Value, Interval = ToProto(estimate.Interval), Count = estimate.Count };

    private static V1.SupplementaryTest ToProto(SupplementaryTest test)
    {
        var proto = new V1.SupplementaryTest { Method = test.Method, Interval = ToProto(test.Interval), Note = test.Note };
        if (test.PValue is { } p) proto.PValue = p;
        if (test.Estimate is { } estimate) proto.Estimate = estimate;
        return proto;
    }

    private static V1.SampleRatioCheck ToProto(SampleRatioResult check)
    {
        var proto = new V1.SampleRatioCheck { Threshold = check.Threshold, Failed = check.Failed, Note = check.Note };
        if (check.ChiSquare is { } chi) proto.ChiSquare = chi;
        if (check.PValue is { } p) proto.PValue = p;
        return proto;
    }

    private static V1.PowerSummary ToProto(PowerStatus power)
    {
        var proto = new V1.PowerSummary { Metric = ToProto(power.Metric), Note = power.Note, NotComputableReason = power.NotComputableReason ?? string.Empty };
        if (power.AchievedPower is { } achieved) proto.AchievedPower = achieved;
        if (power.AccountsPerArmNeeded is { } perArm) proto.AccountsPerArmNeeded = perArm;
        if (power.AccountsStillNeeded is { } still) proto.AccountsStillNeeded = still;
        if (power.AccountsPerDay is { } rate) proto.AccountsPerDay = rate;
        if (power.DaysStillNeeded is { } days) proto.DaysStillNeeded = days;
        return proto;
    }

    private static V1.VariantDecision ToProto(VariantDecision decision)
    {
        var proto = new V1.VariantDecision
        {
            Variant = decision.VariantKey,
            Outcome = (V1.DecisionOutcome)((int)decision.Outcome + 1),
            Metric = ToProto(decision.Metric),
            RelativeEffect = ToProto(decision.Relative),
            AbsoluteEffect = ToProto(decision.Absolute),
            Reason = decision.Reason,
        };
        if (decision.AdjustedPValue is { } p) proto.AdjustedPValue = p;
        if (decision.AccountsStillNeeded is { } needed) proto.AccountsStillNeeded = needed;
        if (decision.DaysStillNeeded is { } days) proto.DaysStillNeeded = days;
        proto.HarmedGuardrails.AddRange(decision.HarmedGuardrails.Select(ToProto));
        return proto;
    }
}
