using System.Text.Json;
using System.Text.Json.Serialization;
using IcpExperiments.Core.Recommendations;
using IcpExperiments.Core.Teams;
using IcpExperiments.Storage.Conversions;
using IcpExperiments.Storage.Entities;

namespace IcpExperiments.Storage.Mapping;

internal static class AppliedRecommendationMapper
{
    // Intervals may be unbounded (a lift over a control without conversions), which plain JSON numbers cannot hold.
    private static readonly JsonSerializerOptions ProvenanceJson = new(StorageJson.Options) { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static AppliedRecommendation ToDomain(AppliedRecommendationEntity row) => new(
        row.ExperimentId,
        row.ProfileId,
        row.ControlVersion,
        row.VersionNumber,
        row.AppliedBy,
        row.AppliedAt,
        row.ConfidenceLevel,
        JsonSerializer.Deserialize<List<Provenance>>(row.ProvenanceJson, ProvenanceJson) ?? []);

    public static AppliedRecommendationEntity ToEntity(TeamId team, AppliedRecommendation applied) => new()
    {
        TeamId = team.Value,
        ExperimentId = applied.ExperimentId,
        ProfileId = applied.ProfileId,
        ControlVersion = applied.ControlVersion,
        VersionNumber = applied.VersionNumber,
        AppliedBy = applied.AppliedBy,
        AppliedAt = applied.AppliedAt,
        ConfidenceLevel = applied.ConfidenceLevel,
        ProvenanceJson = JsonSerializer.Serialize(applied.Provenance, ProvenanceJson),
    };
}
