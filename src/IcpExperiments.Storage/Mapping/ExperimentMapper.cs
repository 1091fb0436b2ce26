using System.Globalization;
using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Core.Teams;
using IcpExperiments.Storage.Conversions;
using IcpExperiments.Storage.Entities;

namespace IcpExperiments.Storage.Mapping;

/// <summary>Maps experiments; arms (control first) and guardrails are JSON documents, the etag is the row version in decimal.</summary>
internal static class ExperimentMapper
{
    public static Experiment ToDomain(ExperimentEntity row)
    {
        var arms = StorageJson.Deserialize<List<ArmDesign>>(row.ArmsJson);
        var design = new ExperimentDesign(
            row.DisplayName,
            row.Hypothesis,
            row.ProfileId,
            arms[0],
            arms.Skip(1).ToList(),
            row.PrimaryMetric,
            StorageJson.Deserialize<List<Guardrail>>(row.GuardrailsJson),
            row.Alpha,
            row.Power,
            row.MinimumDetectableEffect,
            row.ObservationWindowDays,
            row.AnalysisMode);
        return new Experiment(row.Id, design, row.State, ToEtag(row.RowVersion), row.CreatedAt, row.UpdatedAt, row.StartedAt, row.StoppedAt, row.ConcludedAt, row.ArchivedAt);
    }

    /// <summary>A new row (row version 1, data version 0) for <paramref name="experiment"/>.</summary>
    public static ExperimentEntity ToNewEntity(TeamId team, Experiment experiment)
    {
        var row = new ExperimentEntity { TeamId = team.Value, Id = experiment.Id, RowVersion = 1, CreatedAt = experiment.CreatedAt };
        CopyMutableFields(experiment, row);
        return row;
    }

    /// <summary>Copies what an update may change: design, state and timestamps (never ids, creation time or data version).</summary>
    public static void CopyMutableFields(Experiment experiment, ExperimentEntity row)
    {
        var design = experiment.Design;
        row.DisplayName = design.DisplayName;
        row.Hypothesis = design.Hypothesis;
        row.ProfileId = design.ProfileId;
        row.ArmsJson = StorageJson.Serialize(design.Arms.ToList());
        row.PrimaryMetric = design.PrimaryMetric;
        row.GuardrailsJson = StorageJson.Serialize(design.Guardrails);
        row.Alpha = design.Alpha;
        row.Power = design.Power;
        row.MinimumDetectableEffect = design.MinimumDetectableEffect;
        row.ObservationWindowDays = design.ObservationWindowDays;
        row.AnalysisMode = design.AnalysisMode;
        row.State = experiment.State;
        row.UpdatedAt = experiment.UpdatedAt;
        row.StartedAt = experiment.StartedAt;
        row.StoppedAt = experiment.StoppedAt;
        row.ConcludedAt = experiment.ConcludedAt;
        row.ArchivedAt = experiment.ArchivedAt;
    }

    public static string ToEtag(long rowVersion) => rowVersion.ToString(CultureInfo.InvariantCulture);

    /// <summary>The row version an etag names; an etag this store never issued can only be stale.</summary>
    public static long FromEtag(string etag, string resource) =>
        long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new ConcurrencyConflictException($"The etag '{etag}' is not the current etag of {resource}; read it again and retry.");
}
