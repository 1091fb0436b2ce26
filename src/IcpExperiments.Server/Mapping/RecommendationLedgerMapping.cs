using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Application;
using IcpExperiments.Core.Recommendations;
using IcpExperiments.Server.Validation;
using V1 = IcpExperiments.Contracts.V1;

namespace IcpExperiments.Server.Mapping;

/// <summary>A profile's criteria ledger: tested changes per criterion with their effects and pooled estimates.</summary>
public static class RecommendationLedgerMapping
{
    /// <summary>Coverage of the pooled intervals (the engine's default).</summary>
    private const double PooledConfidenceLevel = 0.95;

    public static V1.CriteriaLedger ToProto(CriteriaLedgerReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var proto = new V1.CriteriaLedger
        {
            Name = $"{ResourceNames.OfProfile(report.ProfileId)}/criteriaLedger",
            Profile = ResourceNames.OfProfile(report.ProfileId),
            Truncated = report.Truncated,
        };
        proto.Experiments.AddRange(report.ExperimentIds.Select(ResourceNames.OfExperiment));
        proto.Entries.AddRange(report.Lines.Select(ToProto));
        return proto;
    }

    private static V1.LedgerEntry ToProto(LedgerLine line)
    {
        var proto = new V1.LedgerEntry
        {
            Attribute = line.Attribute,
            ChangeText = line.ChangeText,
            Change = ProfileMapping.ToProto(line.Change),
            Metric = ExperimentMapping.ToProto(line.Metric),
            Pooled = line.Pooled is { } pooled
                ? new V1.PooledEstimate
                {
                    Tests = pooled.Tests,
                    RelativeEffect = RecommendationEvidenceMapping.ToProto(new Effect(pooled.Estimate, pooled.Interval), PooledConfidenceLevel),
                    HeterogeneityPValue = pooled.HeterogeneityPValue,
                }
                : null,
        };
        proto.Tests.AddRange(line.Tests.Select(test => new V1.LedgerTest
        {
            Experiment = ResourceNames.OfExperiment(test.ExperimentId),
            Variant = test.VariantKey,
            RelativeEffect = RecommendationEvidenceMapping.ToProto(test.Relative, test.ConfidenceLevel),
            Decision = RecommendationEvidenceMapping.ToProto(test.Decision),
            Joint = test.IsJoint,
        }));
        return proto;
    }
}
