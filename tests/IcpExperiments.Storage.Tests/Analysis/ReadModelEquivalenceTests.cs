using System.Globalization;
using IcpExperiments.Core.Application;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Storage.Analysis;
using IcpExperiments.Storage.Analysis.ReadModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static IcpExperiments.Storage.Tests.TestData;

namespace IcpExperiments.Storage.Tests.Analysis;

/// <summary>
/// The read model against the ordered scan on the same database, on seeded random data: at every as-of (after the last
/// event, between late enrolments, before events) the snapshots hold the same accounts with the same observations.
/// On PostgreSQL the model is never used (no capability), so both sides are the scan there.
/// </summary>
public abstract class ReadModelEquivalenceTests(StorageEngine engine)
{
    private static readonly DateTimeOffset[] AsOfs =
        [Now, RandomOutcomeWriter.LastEvent, RandomOutcomeWriter.LastEvent.AddHours(5), RandomOutcomeWriter.LastEvent.AddDays(-10), Now.AddDays(-60)];

    [Theory]
    [InlineData(20261124)]
    [InlineData(7)]
    public async Task LoadSnapshotAsync_RandomWritesFedToTheModel_MatchesTheScanAtEveryAsOf(int seed)
    {
        // Arrange
        await using var database = await OutcomeRepositoryTests.CreateRunningAsync(engine);
        var writer = new RandomOutcomeWriter(database, seed);
        var experiment = await database.Experiments().GetAsync(Team, "exp-1", CancellationToken.None);

        // Act / Assert: a first load, then rounds of this process's writes, each fed to the model.
        await writer.EnrolAsync(120);
        await writer.RecordAsync(200);
        await AssertSameAsScanAsync(database, experiment);
        for (int round = 0; round < 3; round++)
        {
            await writer.EnrolAsync(25);
            await writer.RecordAsync(60);
            await AssertSameAsScanAsync(database, experiment);
        }

        var model = database.Services.GetRequiredService<ReadModelSnapshots>();
        Assert.Equal(engine == StorageEngine.Sqlite ? (1L, 0L, 3L) : (0L, 0L, 0L), (model.FullLoads, model.CatchUps, model.FedCatchUps));
    }

    [Fact]
    public async Task LoadSnapshotAsync_WritesStampedAtTheSameInstant_LoadsAgainAndMatchesTheScan()
    {
        // Arrange: every write carries the same recorded-at, so no catch-up can tell new rows from old ones; the new
        // rows come from another process, so the model cannot be fed them.
        await using var database = await OutcomeRepositoryTests.CreateRunningAsync(engine);
        var writer = new RandomOutcomeWriter(database, 11) { SameStamp = true };
        var experiment = await database.Experiments().GetAsync(Team, "exp-1", CancellationToken.None);
        await writer.EnrolAsync(60);
        await writer.RecordAsync(80);
        await AssertSameAsScanAsync(database, experiment);
        await using var otherProcess = database.OpenOtherProcess();
        writer.Outcomes = otherProcess.Outcomes;

        // Act
        await writer.RecordAsync(40);

        // Assert
        await AssertSameAsScanAsync(database, experiment);
        var model = database.Services.GetRequiredService<ReadModelSnapshots>();
        Assert.Equal(engine == StorageEngine.Sqlite ? 2L : 0L, model.FullLoads);
    }

    [Fact]
    public async Task LoadSnapshotAsync_RowCommittedLaterWithAnOlderStamp_LoadsAgainAndMatchesTheScan()
    {
        // Arrange: a writer that took its recorded-at before the rows already modelled, committing afterwards.
        await using var database = await OutcomeRepositoryTests.CreateRunningAsync(engine);
        var writer = new RandomOutcomeWriter(database, 5);
        var experiment = await database.Experiments().GetAsync(Team, "exp-1", CancellationToken.None);
        await writer.EnrolAsync(40);
        await writer.RecordAsync(40);
        await AssertSameAsScanAsync(database, experiment);
        await database.Outcomes().EnrollAsync(Team, Enrolment("zz-late") with { EnrolledAt = Now.AddDays(-50) }, CancellationToken.None);
        await database.ExecuteAsync(
            "INSERT INTO outcomes (team_id, experiment_id, event_id, account_id, kind, occurred_at, acv_currency, acv_amount, cycle_days, fingerprint, recorded_at) "
            + "VALUES (@team, 'exp-1', 'late-win', 'zz-late', 'Converted', @at, 'EUR', '777.5', NULL, 'x', @stamp)",
            ("team", Team.Value), ("at", Now.AddDays(-20).UtcTicks), ("stamp", Now.AddYears(-1).UtcTicks));

        // Act
        await database.ExecuteAsync("UPDATE experiments SET data_version = data_version + 1 WHERE id = 'exp-1'");

        // Assert
        var loaded = await AssertSameAsScanAsync(database, experiment);
        Assert.Contains(777.5, loaded.Snapshot.Arms[0].Acv);
    }

    [Fact]
    public async Task LoadSnapshotAsync_ConcurrentCallsBetweenWrites_AllMatchTheScan()
    {
        // Arrange
        await using var database = await OutcomeRepositoryTests.CreateRunningAsync(engine);
        var writer = new RandomOutcomeWriter(database, 3);
        var experiment = await database.Experiments().GetAsync(Team, "exp-1", CancellationToken.None);
        await writer.EnrolAsync(80);
        var sut = database.Services.GetRequiredService<IAnalysisDataSource>();

        for (int round = 0; round < 3; round++)
        {
            // Act
            await writer.RecordAsync(50);
            var loads = Enumerable.Range(0, 6).Select(_ => Task.Run(() => sut.LoadSnapshotAsync(Team, experiment, Now, CancellationToken.None)));
            var loaded = await Task.WhenAll(loads);

            // Assert
            var expected = Canonical(await Scan(database).LoadSnapshotAsync(Team, experiment, Now, CancellationToken.None));
            Assert.All(loaded, l => Assert.Equal(expected, Canonical(l)));
        }
    }

    /// <summary>Compares at every as-of of <see cref="AsOfs"/>; returns the model's snapshot as of <see cref="Now"/>.</summary>
    internal static async Task<LoadedSnapshot> AssertSameAsScanAsync(TestDatabase database, Experiment experiment)
    {
        var model = database.Services.GetRequiredService<IAnalysisDataSource>();
        var loaded = new List<LoadedSnapshot>();
        foreach (var asOf in AsOfs)
        {
            var expected = Canonical(await Scan(database).LoadSnapshotAsync(Team, experiment, asOf, CancellationToken.None));
            loaded.Add(await model.LoadSnapshotAsync(Team, experiment, asOf, CancellationToken.None));
            Assert.Equal(expected, Canonical(loaded[^1]));
        }

        return loaded[0];
    }

    /// <summary>The ordered scan alone: a data source whose read model is switched off.</summary>
    internal static AnalysisDataSource Scan(TestDatabase database)
    {
        var off = new AnalysisReadModels(Options.Create(new AnalysisReadModelOptions { ReadModelMegabytes = 0 }));
        var services = database.Services;
        return new AnalysisDataSource(services.GetRequiredService<IServiceScopeFactory>(), services.GetRequiredService<IStorageProvider>(), new ReadModelSnapshots(off));
    }

    /// <summary>The snapshot as text, each arm's accounts sorted (the model may list accounts enrolled by a catch-up last).</summary>
    private static string Canonical(LoadedSnapshot loaded)
    {
        var snapshot = loaded.Snapshot;
        var lines = new List<string> { $"v{loaded.DataVersion} as of {snapshot.AsOf:O} spend {snapshot.SpendCurrency} acv {snapshot.AcvCurrency}" };
        foreach (var arm in snapshot.Arms)
        {
            lines.Add($"{arm.Key} n={arm.Count} spend={arm.Spend}");
            var accounts = Enumerable.Range(0, arm.Count).Select(i => string.Create(
                CultureInfo.InvariantCulture, $"{arm.EnrolledAt[i].UtcTicks} {arm.Status[i]} {arm.Days[i]:R} {arm.Acv[i]:R} {arm.Covariate[i]:R}"));
            lines.AddRange(accounts.Order(StringComparer.Ordinal));
        }

        return string.Join('\n', lines);
    }

    public sealed class OnSqlite() : ReadModelEquivalenceTests(StorageEngine.Sqlite);

    public sealed class OnPostgres() : ReadModelEquivalenceTests(StorageEngine.Postgres);
}
