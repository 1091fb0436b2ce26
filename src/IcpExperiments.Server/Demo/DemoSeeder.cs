using IcpExperiments.Core.Application;
using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Core.Outcomes;
using IcpExperiments.Core.Teams;
using Microsoft.Extensions.Options;

namespace IcpExperiments.Server.Demo;

/// <summary>
/// Loads the demo experiment through the application services (so it obeys every rule a client does): the profile and
/// its two versions, the experiment, four campaigns, then enrolments and outcomes in bulk batches. Does nothing when
/// the demo profile already exists.
/// </summary>
public sealed partial class DemoSeeder(
    ProfileApplicationService profiles,
    ExperimentApplicationService experiments,
    OutcomeApplicationService outcomes,
    IOptions<DemoOptions> options,
    TimeProvider time,
    ILogger<DemoSeeder> logger)
{
    private const int EnrolmentDays = 150;
    private const int BatchRows = 2000;
    private static TeamId Team => TeamId.Default;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        try
        {
            await profiles.CreateAsync(Team, DemoDesign.ProfileId, "Mid-market B2B SaaS", "Demo ICP for revenue-operations software.", DemoDesign.Version(200), cancellationToken);
        }
        catch (AlreadyExistsException)
        {
            LogAlreadySeeded(logger, DemoDesign.ProfileId);
            return;
        }

        await profiles.CreateVersionAsync(Team, DemoDesign.ProfileId, DemoDesign.Version(50), "Widen head-count to 50-1000 employees.", cancellationToken);
        await experiments.CreateAsync(Team, DemoDesign.ExperimentId, DemoDesign.Experiment(), cancellationToken);
        var start = DateOnly.FromDateTime(now.AddDays(-EnrolmentDays - 1).UtcDateTime);
        foreach (var campaign in DemoDesign.Campaigns(start, now))
            await experiments.CreateCampaignAsync(Team, campaign, cancellationToken);
        await experiments.TransitionAsync(Team, DemoDesign.ExperimentId, ExperimentState.Running, string.Empty, cancellationToken);

        var generator = new DemoAccounts(options.Value.RandomSeed, now, EnrolmentDays);
        var rows = Enumerable.Range(1, options.Value.Accounts).SelectMany(generator.RowsFor);
        int accepted = 0, rejected = 0, batchNumber = 0;
        foreach (var chunk in rows.Chunk(BatchRows))
        {
            var result = await outcomes.ImportAsync(Team, DemoDesign.ExperimentId, new ImportBatch($"demo-{++batchNumber}", chunk), cancellationToken);
            accepted += result.Accepted;
            rejected += result.Rejections.Count;
        }

        LogSeeded(logger, DemoDesign.ExperimentId, options.Value.Accounts, accepted, rejected);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data already present (profile {ProfileId}); not seeding again.")]
    private static partial void LogAlreadySeeded(ILogger logger, string profileId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded demo experiment {ExperimentId}: {Accounts} accounts, {Accepted} rows stored, {Rejected} rejected.")]
    private static partial void LogSeeded(ILogger logger, string experimentId, int accounts, int accepted, int rejected);
}
