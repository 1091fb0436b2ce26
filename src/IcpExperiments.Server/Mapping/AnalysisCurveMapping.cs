using IcpExperiments.Core.Analysis;
using IcpExperiments.Statistics.Survival;
using V1 = IcpExperiments.Contracts.V1;

namespace IcpExperiments.Server.Mapping;

/// <summary>
/// Maps the Kaplan–Meier curves behind cycle length. A large experiment has a step per won deal; a dashboard needs a
/// few hundred, so curves longer than the requested number of points are thinned to evenly spaced steps (always the
/// last one), each an exact point of the curve.
/// </summary>
public static class AnalysisCurveMapping
{
    public const int DefaultCurvePoints = 200;
    public const int MaxCurvePoints = 10_000;

    public static V1.CycleLengthCurves? ToProto(CycleLengthCurves? curves, int maxPoints)
    {
        if (curves is null) return null;
        var test = curves.LogRank.Test;
        var proto = new V1.CycleLengthCurves { Control = ToProto(curves.Control, maxPoints), Variant = ToProto(curves.Variant, maxPoints) };
        if (!test.IsComputable) return proto;
        proto.LogRankChiSquare = test.Statistic;
        proto.LogRankPValue = test.PValue;
        if (double.IsFinite(test.Estimate)) proto.HazardRatio = new V1.Estimate { Estimate_ = test.Estimate, Interval = AnalysisMapping.ToProto(test.ConfidenceInterval) };
        return proto;
    }

    /// <summary>Indices of the points kept: all when at most <paramref name="maxPoints"/>, else evenly spaced ones ending with the last.</summary>
    public static IEnumerable<int> Thin(int count, int maxPoints)
    {
        if (count <= maxPoints)
        {
            for (int i = 0; i < count; i++) yield return i;
            yield break;
        }

        for (int k = 1; k <= maxPoints; k++) yield return (int)((long)k * count / maxPoints) - 1;
    }

    private static V1.SurvivalCurve ToProto(KaplanMeierCurve curve, int maxPoints)
    {
        var proto = new V1.SurvivalCurve { Accounts = curve.Count, Events = curve.EventCount, TotalPoints = curve.Points.Length };
        if (curve.Median.IsReached)
        {
            proto.MedianDays = curve.Median.Estimate;
            proto.MedianInterval = AnalysisMapping.ToProto(curve.Median.ConfidenceInterval);
        }

        foreach (int i in Thin(curve.Points.Length, maxPoints))
        {
            var point = curve.Points[i];
            proto.Points.Add(new V1.SurvivalPoint { Days = point.Time, Survival = point.Survival, Interval = AnalysisMapping.ToProto(point.ConfidenceInterval), AtRisk = point.AtRisk });
        }

        return proto;
    }
}
