using Google.Protobuf.WellKnownTypes;
using IcpExperiments.Core.Analysis.Segments;
using IcpExperiments.Core.Application;
using IcpExperiments.Server.Validation;
using V1 = IcpExperiments.Contracts.V1;

namespace IcpExperiments.Server.Mapping;

/// <summary>GetSegments: request validation and the segment report as the contract's ExperimentSegments.</summary>
public static class AnalysisSegmentMapping
{
    public const int MaxMinAccounts = 1_000_000;

    /// <summary>The experiment id and the segment request; INVALID_ARGUMENT with every violation otherwise.</summary>
    public static (string ExperimentId, SegmentRequest Request) ToQuery(V1.GetSegmentsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validation = new RequestValidation();
        var experimentId = ResourceNames.Experiment(request.Experiment, "experiment", validation);
        for (int i = 0; i < request.Attributes.Count; i++)
        {
            var attribute = request.Attributes[i];
            string field = $"attributes[{i}]";
            if (validation.Check(SegmentBands.IsSupported(attribute), field, $"'{attribute}' is not a segment attribute; use one of {string.Join(", ", SegmentBands.Attributes)}."))
                validation.Check(request.Attributes.IndexOf(attribute) == i, field, $"'{attribute}' is repeated.");
        }

        validation.Check(request.MinAccounts is >= 0 and <= MaxMinAccounts, "min_accounts", $"must be in [0, {MaxMinAccounts}].");
        DateTimeOffset? asOf = request.AsOf is null ? null : CommonMapping.ToInstant(request.AsOf, "as_of", validation);
        validation.ThrowIfInvalid();
        int minAccounts = request.MinAccounts == 0 ? SegmentAnalysis.DefaultMinAccounts : request.MinAccounts;
        return (experimentId!, new SegmentRequest([.. request.Attributes], minAccounts, asOf));
    }

    public static V1.ExperimentSegments ToProto(string experimentId, SegmentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var segments = new V1.ExperimentSegments
        {
            Experiment = ResourceNames.OfExperiment(experimentId),
            AsOf = Timestamp.FromDateTimeOffset(report.AsOf),
            MinAccounts = report.MinAccounts,
            Comparisons = report.Comparisons,
            Note = report.Note,
        };
        segments.Rows.AddRange(report.Rows.Select(ToProto));
        return segments;
    }

    private static V1.SegmentRow ToProto(SegmentRow row)
    {
        var proto = new V1.SegmentRow { Attribute = row.Attribute, Value = row.Value, Accounts = row.Accounts, TooSmall = row.TooSmall, Exploratory = true };
        proto.Arms.AddRange(row.Arms.Select(a =>
        {
            var arm = new V1.SegmentArm { Arm = a.ArmKey, Accounts = a.Accounts, Converted = a.Converted, ConversionRate = a.ConversionRate };
            if (a.MeanAcv is { } acv) arm.MeanAcv = acv;
            return arm;
        }));
        proto.Comparisons.AddRange(row.Comparisons.Select(c => new V1.SegmentComparison
        {
            Variant = c.VariantKey,
            Method = c.Method,
            Difference = new V1.Estimate { Estimate_ = c.Difference, Interval = new V1.Bounds { Lower = c.Lower, Upper = c.Upper } },
            PValue = c.PValue,
            AdjustedPValue = c.AdjustedPValue,
        }));
        return proto;
    }
}
