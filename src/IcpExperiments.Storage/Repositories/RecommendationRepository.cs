using IcpExperiments.Core.Application;
using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Recommendations;
using IcpExperiments.Core.Teams;
using IcpExperiments.Storage.Mapping;
using Microsoft.EntityFrameworkCore;

namespace IcpExperiments.Storage.Repositories;

/// <summary>
/// Applied recommendations. The version and its record are written in one write transaction: the existence check, the
/// profile's moved-on check and both inserts see the same state (this process has one writer and the transaction is
/// IMMEDIATE), and the (team, experiment) key would refuse a second record from another process.
/// </summary>
internal sealed class RecommendationRepository(IcpExperimentsDbContext db, IStorageProvider provider) : IRecommendationRepository
{
    public async Task<AppliedRecommendation?> FindAppliedAsync(TeamId team, string experimentId, CancellationToken cancellationToken)
    {
        var row = await db.AppliedRecommendations.AsNoTracking()
            .SingleOrDefaultAsync(a => a.TeamId == team.Value && a.ExperimentId == experimentId, cancellationToken);
        return row is null ? null : AppliedRecommendationMapper.ToDomain(row);
    }

    public Task<AppliedVersion> ApplyAsync(TeamId team, RecommendationApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        return WriteTransaction.RunAsync(db, provider, async () =>
        {
            if (await FindAppliedAsync(team, application.ExperimentId, cancellationToken) is { } earlier)
                return new AppliedVersion(await StoredVersionAsync(team, earlier, cancellationToken), Created: false);

            var arms = application.ArmVersions.ToList();
            var since = await db.ProfileVersions.AsNoTracking()
                .Where(v => v.TeamId == team.Value && v.ProfileId == application.ProfileId && v.CreatedAt > application.ExperimentStartedAt && !arms.Contains(v.Number))
                .Select(v => (int?)v.Number)
                .MaxAsync(cancellationToken);
            if (since is { } newer)
                throw new PreconditionFailedException("PROFILE_CHANGED_SINCE_EXPERIMENT",
                    $"Profile '{application.ProfileId}' got version {newer} after experiment '{application.ExperimentId}' started: applying control plus the "
                    + $"changes would undo it. Make the change on the newest version by hand, or test it again.");

            var version = await ProfileVersionWriter.AddAsync(db, team, application.ProfileId, application.Content, application.ChangeNote, application.AppliedAt, cancellationToken);
            var applied = new AppliedRecommendation(
                application.ExperimentId, application.ProfileId, application.ControlVersion, version.Number, application.AppliedBy, application.AppliedAt,
                application.ConfidenceLevel, application.Provenance);
            db.AppliedRecommendations.Add(AppliedRecommendationMapper.ToEntity(team, applied));
            await db.SaveChangesAsync(cancellationToken);
            return new AppliedVersion(version with { Origin = applied }, Created: true);
        }, cancellationToken);
    }

    private async Task<Core.Profiles.ProfileVersion> StoredVersionAsync(TeamId team, AppliedRecommendation applied, CancellationToken cancellationToken)
    {
        var row = await db.ProfileVersions.AsNoTracking()
            .SingleAsync(v => v.TeamId == team.Value && v.ProfileId == applied.ProfileId && v.Number == applied.VersionNumber, cancellationToken);
        return ProfileMapper.ToDomain(row) with { Origin = applied };
    }
}
