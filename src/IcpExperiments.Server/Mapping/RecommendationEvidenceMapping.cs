using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Recommendations;
using IcpExperiments.Server.Validation;
using V1 = IcpExperiments.Contracts.V1;

namespace IcpExperiments.Server.Mapping;

/// <summary>The evidence types shared by recommendations, the ledger and version provenance: effects, decisions, calls.</summary>
public static class RecommendationEvidenceMapping
{
    public static V1.EffectInterval? ToProto(Effect? effect, double confidenceLevel) => effect is null
        ? null
        : new V1.EffectInterval { Estimate = effect.Estimate, Lower = effect.Interval.Lower, Upper = effect.Interval.Upper, ConfidenceLevel = confidenceLevel };

    public static V1.VersionProvenance ToProto(AppliedRecommendation applied)
    {
        ArgumentNullException.ThrowIfNull(applied);
        return ToProto(applied.ExperimentId, applied.ProfileId, applied.ControlVersion, applied.AppliedBy, applied.Provenance, applied.ConfidenceLevel);
    }

    /// <summary>Provenance of a version from an experiment's control plus changes; <paramref name="appliedBy"/> is empty for a proposal.</summary>
    public static V1.VersionProvenance ToProto(
        string experimentId, string profileId, int controlVersion, string appliedBy, IEnumerable<Provenance> criteria, double confidenceLevel)
    {
        var proto = new V1.VersionProvenance
        {
            Experiment = ResourceNames.OfExperiment(experimentId),
            ControlVersion = ResourceNames.OfProfileVersion(profileId, controlVersion),
            AppliedBy = appliedBy,
        };
        proto.Criteria.AddRange(criteria.Select(p => ToProto(p, confidenceLevel)));
        return proto;
    }

    public static V1.CriterionEvidence ToProto(Provenance provenance, double confidenceLevel)
    {
        ArgumentNullException.ThrowIfNull(provenance);
        var proto = new V1.CriterionEvidence
        {
            Attribute = provenance.Change.Attribute,
            Variant = provenance.VariantKey,
            Change = ProfileMapping.ToProto(provenance.Change),
            Basis = provenance.Call == CriterionCall.Widen ? V1.CriterionEvidence.Types.Basis.Widened : V1.CriterionEvidence.Types.Basis.Adopted,
            Metric = ExperimentMapping.ToProto(provenance.Metric),
            RelativeEffect = ToProto(provenance.Relative, confidenceLevel),
            AbsoluteEffect = ToProto(provenance.Absolute, confidenceLevel),
            Joint = provenance.IsJoint,
        };
        if (provenance.AdjustedPValue is { } p) proto.AdjustedPValue = p;
        return proto;
    }

    public static V1.DecisionOutcome ToProto(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Win => V1.DecisionOutcome.Win,
        DecisionOutcome.Tradeoff => V1.DecisionOutcome.Tradeoff,
        DecisionOutcome.Lose => V1.DecisionOutcome.Lose,
        DecisionOutcome.Equivalent => V1.DecisionOutcome.Equivalent,
        DecisionOutcome.Inconclusive => V1.DecisionOutcome.Inconclusive,
        _ => V1.DecisionOutcome.Invalid,
    };

    public static V1.CriterionCall ToProto(CriterionCall call) => call switch
    {
        CriterionCall.Adopt => V1.CriterionCall.Adopt,
        CriterionCall.Keep => V1.CriterionCall.Keep,
        CriterionCall.Widen => V1.CriterionCall.Widen,
        CriterionCall.KeepRunning => V1.CriterionCall.KeepRunning,
        _ => V1.CriterionCall.NoCall,
    };
}
