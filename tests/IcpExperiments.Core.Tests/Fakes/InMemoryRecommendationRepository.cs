using IcpExperiments.Core.Application;
using IcpExperiments.Core.Recommendations;
using IcpExperiments.Core.Teams;

namespace IcpExperiments.Core.Tests.Fakes;

/// <summary>Applied recommendations in memory, writing versions through the in-memory profile store (one team).</summary>
internal sealed class InMemoryRecommendationRepository(IProfileRepository profiles) : IRecommendationRepository
{
    private readonly Dictionary<string, AppliedRecommendation> applied = [];

    public IReadOnlyCollection<AppliedRecommendation> Applied => applied.Values;

    public Task<AppliedRecommendation?> FindAppliedAsync(TeamId team, string experimentId, CancellationToken cancellationToken) =>
        Task.FromResult(applied.GetValueOrDefault(experimentId));

    public async Task<AppliedVersion> ApplyAsync(TeamId team, RecommendationApplication application, CancellationToken cancellationToken)
    {
        if (applied.TryGetValue(application.ExperimentId, out var earlier))
            return new AppliedVersion(await profiles.GetVersionAsync(team, earlier.ProfileId, earlier.VersionNumber, cancellationToken) with { Origin = earlier }, false);
        var version = await profiles.AddVersionAsync(team, application.ProfileId, application.Content, application.ChangeNote, application.AppliedAt, cancellationToken);
        var record = new AppliedRecommendation(application.ExperimentId, application.ProfileId, application.ControlVersion, version.Number,
            application.AppliedBy, application.AppliedAt, application.ConfidenceLevel, application.Provenance);
        applied[application.ExperimentId] = record;
        return new AppliedVersion(version with { Origin = record }, true);
    }
}
