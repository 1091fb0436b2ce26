using IcpExperiments.Core.Application;
using IcpExperiments.Core.Profiles;
using IcpExperiments.Core.Recommendations;
using IcpExperiments.Server.Validation;
using V1 = IcpExperiments.Contracts.V1;

namespace IcpExperiments.Server.Mapping;

/// <summary>An experiment's recommendation report: variants, calls per criterion, follow-ups and the proposed version.</summary>
public static class RecommendationMapping
{
    public static V1.Recommendation ToProto(RecommendationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var experiment = report.Analysis.Experiment;
        var design = experiment.Design;
        double level = 1 - design.Alpha;
        var proto = new V1.Recommendation
        {
            Name = $"{ResourceNames.OfExperiment(experiment.Id)}/recommendation",
            Experiment = ResourceNames.OfExperiment(experiment.Id),
            ExperimentState = (V1.ExperimentState)(int)experiment.State,
            ControlVersion = ResourceNames.OfProfileVersion(design.ProfileId, design.Control.ProfileVersion),
            AsOf = CommonMapping.ToProto(report.Analysis.Results.AsOf),
            ProposedVersion = ToProto(report.Proposal, level),
            AppliedVersion = report.Applied is { } applied ? ResourceNames.OfProfileVersion(applied.ProfileId, applied.VersionNumber) : string.Empty,
        };
        var days = report.Analysis.Decisions.ToDictionary(d => d.VariantKey, d => d.DaysStillNeeded, StringComparer.Ordinal);
        foreach (var variant in report.Recommendation.Variants)
        {
            var arm = design.Variants.Single(a => a.Key == variant.VariantKey);
            proto.Variants.Add(ToProto(variant, ResourceNames.OfProfileVersion(design.ProfileId, arm.ProfileVersion),
                ResourceNames.OfProfileVersion(design.ProfileId, design.Control.ProfileVersion), days.GetValueOrDefault(variant.VariantKey), level));
        }

        return proto;
    }

    private static V1.VariantRecommendation ToProto(VariantRecommendation variant, string version, string controlVersion, double? daysStillNeeded, double level)
    {
        var proto = new V1.VariantRecommendation
        {
            Variant = variant.VariantKey,
            ProfileVersion = version,
            Decision = RecommendationEvidenceMapping.ToProto(variant.Decision),
            Summary = variant.Summary,
            Joint = variant.IsJoint,
            FollowUp = variant.FollowUp is { } followUp ? ToProto(followUp, controlVersion) : null,
        };
        proto.Criteria.AddRange(variant.Criteria.Select(c => ToProto(c, daysStillNeeded, level)));
        return proto;
    }

    private static V1.CriterionRecommendation ToProto(CriterionRecommendation criterion, double? daysStillNeeded, double level)
    {
        var proto = new V1.CriterionRecommendation
        {
            Attribute = criterion.Attribute,
            Change = ProfileMapping.ToProto(criterion.Change),
            Call = RecommendationEvidenceMapping.ToProto(criterion.Call),
            Chosen = criterion.Chosen is null ? null : CriterionMapping.ToProto(criterion.Chosen),
            Decision = RecommendationEvidenceMapping.ToProto(criterion.Decision),
            Metric = ExperimentMapping.ToProto(criterion.Metric),
            RelativeEffect = RecommendationEvidenceMapping.ToProto(criterion.Relative, level),
            AbsoluteEffect = RecommendationEvidenceMapping.ToProto(criterion.Absolute, level),
            Joint = criterion.IsJoint,
            Reason = criterion.Reason,
        };
        if (criterion.AdjustedPValue is { } p) proto.AdjustedPValue = p;
        if (criterion.Call == CriterionCall.KeepRunning)
        {
            if (criterion.AccountsStillNeeded is { } accounts) proto.AccountsStillNeeded = accounts;
            if (daysStillNeeded is { } days) proto.DaysStillNeeded = days;
        }

        return proto;
    }

    private static V1.FollowUpExperiment ToProto(FollowUpExperiment followUp, string controlVersion)
    {
        var proto = new V1.FollowUpExperiment { Hypothesis = followUp.Hypothesis, ControlVersion = controlVersion };
        foreach (var arm in followUp.Arms)
        {
            var protoArm = new V1.FollowUpArm { Key = arm.Key, Description = arm.Description, Change = ProfileMapping.ToProto(arm.Change) };
            protoArm.Criteria.AddRange(arm.Content.Criteria.Select(CriterionMapping.ToProto));
            proto.Arms.Add(protoArm);
        }

        return proto;
    }

    private static V1.ProposedVersion ToProto(NextVersionProposal proposal, double level)
    {
        // Nothing is created yet: the version has no name, number or creation time.
        var version = ProfileMapping.ToProto(new ProfileVersion(proposal.ProfileId, proposal.BasedOnVersion, proposal.Content, proposal.ChangeNote, default));
        version.Name = string.Empty;
        version.VersionNumber = 0;
        version.CreateTime = null;

        // What Apply would record, minus who applies it.
        if (proposal.HasChanges)
        {
            version.Provenance = RecommendationEvidenceMapping.ToProto(
                proposal.Provenance[0].ExperimentId, proposal.ProfileId, proposal.BasedOnVersion, string.Empty, proposal.Provenance, level);
        }

        var proto = new V1.ProposedVersion { Profile = ResourceNames.OfProfile(proposal.ProfileId), HasChanges = proposal.HasChanges, Version = version };
        proto.Skipped.AddRange(proposal.Skipped.Select(p => RecommendationEvidenceMapping.ToProto(p, level)));
        return proto;
    }
}
