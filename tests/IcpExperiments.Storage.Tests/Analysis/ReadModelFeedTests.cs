using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Application;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Storage.Analysis;
using IcpExperiments.Storage.Analysis.ReadModel;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using static IcpExperiments.Storage.Tests.TestData;

namespace IcpExperiments.Storage.Tests.Analysis;

/// <summary>
/// The read model fed with this process's own committed writes (SQLite, a real file): after every path (fed, SQL
/// catch-up, full load) the model equals the scan and a fresh full load of the same rows, counts and watermarks
/// included, and the counters say which path ran.
/// </summary>
public sealed class ReadModelFeedTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData(20261124)]
    [InlineData(31)]
    public async Task LoadSnapshotAsync_OwnWritesWithRetriesDuplicatesAndRejections_FedAndEqualToAFullLoad(int seed)
    {
        // Arrange
        await using var database = await OutcomeRepositoryTests.CreateRunningAsync(StorageEngine.Sqlite);
        var writer = new RandomOutcomeWriter(database, seed);
        var experiment = await database.Experiments().GetAsync(Team, "exp-1", None);
        await writer.EnrolAsync(100);
        await writer.RecordAsync(150);
        await ReadModelEquivalenceTests.AssertSameAsScanAsync(database, experiment);

        for (int round = 1; round <= 3; round++)
        {
            // Act
            await writer.EnrolAsync(20);
            await writer.RecordAsync(40);
            await writer.RetryAsync(10);
            await writer.RetryAsync(0);

            // Assert
            await ReadModelEquivalenceTests.AssertSameAsScanAsync(database, experiment);
            await AssertEqualToAFullLoadAsync(database);
            Assert.Equal((1L, 0L, round), Counters(database));
        }
    }

    [Fact]
    public async Task LoadSnapshotAsync_WriteCommittedWhileTheFirstLoadReads_IsKeptAndFedNext()
    {
        // Arrange: a reader's transaction has read the data version; its entry exists, its load has not run yet.
        await using var database = await OutcomeRepositoryTests.CreateRunningAsync(StorageEngine.Sqlite);
        var writer = new RandomOutcomeWriter(database, 17);
        var experiment = await database.Experiments().GetAsync(Team, "exp-1", None);
        await writer.EnrolAsync(50);
        await writer.RecordAsync(60);
        await using var connection = new SqliteConnection($"Data Source={database.DatabasePath}");
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction(deferred: true);
        long version = await SnapshotQueries.ReadDataVersionAsync(transaction, Team, "exp-1", None) ?? -1;
        database.Services.GetRequiredService<AnalysisReadModels>().Get(Team.Value, "exp-1");

        // Act: a write commits, then the first load reads at the older version, then a new read.
        await writer.RecordAsync(30);
        var fill = await database.Services.GetRequiredService<ReadModelSnapshots>()
            .TryFillAsync(connection, Team, experiment, version, Now, new SnapshotBuilder(experiment.Design, Now), None);
        await transaction.CommitAsync();
        await ReadModelEquivalenceTests.AssertSameAsScanAsync(database, experiment);

        // Assert
        Assert.Equal(ReadModelFill.Filled, fill);
        await AssertEqualToAFullLoadAsync(database);
        Assert.Equal((1L, 0L, 1L), Counters(database));
    }

    [Fact]
    public async Task LoadSnapshotAsync_IngestRacingReads_EqualToAFullLoadWithoutLoadingAgain()
    {
        // Arrange
        await using var database = await OutcomeRepositoryTests.CreateRunningAsync(StorageEngine.Sqlite);
        var writer = new RandomOutcomeWriter(database, 23);
        var experiment = await database.Experiments().GetAsync(Team, "exp-1", None);
        await writer.EnrolAsync(80);
        await writer.RecordAsync(80);
        await ReadModelEquivalenceTests.AssertSameAsScanAsync(database, experiment);
        var sut = database.Services.GetRequiredService<IAnalysisDataSource>();

        // Act
        var writes = Task.Run(async () =>
        {
            for (int round = 0; round < 6; round++)
            {
                await writer.EnrolAsync(10);
                await writer.RecordAsync(30);
                await writer.RetryAsync(4);
            }
        });
        var reads = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            while (!writes.IsCompleted) await sut.LoadSnapshotAsync(Team, experiment, Now, None);
        }));
        await Task.WhenAll(reads.Append(writes));

        // Assert: a delta applied twice or lost would break the counts (and a catch-up's proof, so a second full load).
        await ReadModelEquivalenceTests.AssertSameAsScanAsync(database, experiment);
        await AssertEqualToAFullLoadAsync(database);
        var (fullLoads, _, fed) = Counters(database);
        Assert.Equal(1L, fullLoads);
        Assert.True(fed > 0, "no read was fed");
    }

    [Fact]
    public async Task LoadSnapshotAsync_WriteByAnotherProcess_CatchesUpBySqlThenFedAgain()
    {
        // Arrange
        await using var database = await OutcomeRepositoryTests.CreateRunningAsync(StorageEngine.Sqlite);
        await using var otherProcess = database.OpenOtherProcess();
        var writer = new RandomOutcomeWriter(database, 41);
        var experiment = await database.Experiments().GetAsync(Team, "exp-1", None);
        await writer.EnrolAsync(60);
        await writer.RecordAsync(60);
        await ReadModelEquivalenceTests.AssertSameAsScanAsync(database, experiment);

        // Act / Assert: own writes are fed; another process's write leaves a version out of the feed (a gap).
        await writer.RecordAsync(20);
        await ReadModelEquivalenceTests.AssertSameAsScanAsync(database, experiment);
        Assert.Equal((1L, 0L, 1L), Counters(database));

        writer.Outcomes = otherProcess.Outcomes;
        await writer.EnrolAsync(10);
        await writer.RecordAsync(20);
        writer.Outcomes = database.Outcomes;
        await writer.RecordAsync(20);
        await ReadModelEquivalenceTests.AssertSameAsScanAsync(database, experiment);
        await AssertEqualToAFullLoadAsync(database);
        Assert.Equal((1L, 1L, 1L), Counters(database));

        await writer.RetryAsync(5);
        await ReadModelEquivalenceTests.AssertSameAsScanAsync(database, experiment);
        await AssertEqualToAFullLoadAsync(database);
        Assert.Equal((1L, 1L, 2L), Counters(database));
    }

    [Fact]
    public async Task LoadSnapshotAsync_PendingRowsPastTheCap_DroppedAndCaughtUpBySql()
    {
        // Arrange
        await using var database = await OutcomeRepositoryTests.CreateRunningAsync(StorageEngine.Sqlite);
        var models = database.Services.GetRequiredService<AnalysisReadModels>();
        models.MaxPendingRows = 40;
        var writer = new RandomOutcomeWriter(database, 43);
        var experiment = await database.Experiments().GetAsync(Team, "exp-1", None);
        await writer.EnrolAsync(60);
        await writer.RecordAsync(60);
        await ReadModelEquivalenceTests.AssertSameAsScanAsync(database, experiment);

        // Act
        await writer.EnrolAsync(30);
        await writer.RecordAsync(60);

        // Assert
        Assert.InRange(models.Get(Team.Value, "exp-1").Pending.Rows, 0, 40);
        await ReadModelEquivalenceTests.AssertSameAsScanAsync(database, experiment);
        await AssertEqualToAFullLoadAsync(database);
        Assert.Equal((1L, 1L, 0L), Counters(database));
        await writer.RecordAsync(20);
        await ReadModelEquivalenceTests.AssertSameAsScanAsync(database, experiment);
        Assert.Equal((1L, 1L, 1L), Counters(database));
    }

    private static (long FullLoads, long CatchUps, long Fed) Counters(TestDatabase database)
    {
        var snapshots = database.Services.GetRequiredService<ReadModelSnapshots>();
        return (snapshots.FullLoads, snapshots.CatchUps, snapshots.FedCatchUps);
    }

    /// <summary>The model's facts against a fresh full load of the stored rows: every account's fold, the counts, the watermarks.</summary>
    private static async Task AssertEqualToAFullLoadAsync(TestDatabase database)
    {
        var experiment = await database.Experiments().GetAsync(Team, "exp-1", None);
        var model = database.Services.GetRequiredService<AnalysisReadModels>().Get(Team.Value, "exp-1").Facts;
        Assert.NotNull(model);
        await using var connection = new SqliteConnection($"Data Source={database.DatabasePath}");
        await connection.OpenAsync();
        var loaded = new ExperimentFacts(experiment.Design.Arms.Select(a => a.Key).ToList());
        Assert.True(await FactsReader.LoadAllAsync(connection, Team, "exp-1", loaded, None));
        Assert.Equal(await database.DataVersions().GetAsync(Team, "exp-1", None), model.DataVersion);
        Assert.Equal(Dump(loaded), Dump(model));
    }

    /// <summary>The facts as text, accounts sorted (slots follow the order rows arrived in, which differs by path).</summary>
    private static string Dump(ExperimentFacts facts)
    {
        var accounts = new List<string>();
        for (int slot = 0; slot < facts.EnrolmentCount; slot++)
        {
            var outcomes = facts.Outcomes(slot);
            var seen = outcomes.ToObservation(new DateTimeOffset(facts.EnrolledAt[slot], TimeSpan.Zero));
            accounts.Add($"{facts.Arms[slot]} {seen} acv {outcomes.Acv} {outcomes.Currency}");
        }

        accounts.Sort(StringComparer.Ordinal);
        return $"accounts {facts.EnrolmentCount} events {facts.EventCount} latest {facts.LatestOccurredAt} "
            + $"watermarks {facts.EnrolmentsRecordedUpTo} {facts.OutcomesRecordedUpTo}\n" + string.Join('\n', accounts);
    }
}
