using IcpExperiments.Core.Paging;
using IcpExperiments.Storage.Repositories;
using IcpExperiments.Storage.Security;
using static IcpExperiments.Storage.Tests.TestData;

namespace IcpExperiments.Storage.Tests;

/// <summary>The audit trail's multi-row append (63 = every SQLite statement size, 32 down to 1): every entry of a batch stored once with all its fields, whatever the batch size.</summary>
public abstract class AuditStoreTests(StorageEngine engine)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData(1)]
    [InlineData(63)]
    [InlineData(AuditEntryInsert.RowsPerStatement)]
    [InlineData(2 * AuditEntryInsert.RowsPerStatement + 5)]
    public async Task AppendAsync_BatchOfAnySize_StoresEveryEntryWithItsFieldsInOrder(int count)
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync(engine);
        var entries = Enumerable.Range(0, count).Select(i => Entry(i)).ToList();

        // Act
        await database.Scoped<IAuditStore>().AppendAsync(entries, None);

        // Assert
        var stored = await database.Scoped<IAuditStore>().ListAsync(new AuditQuery(null, null, null), new PageRequest(1000, null), None);
        Assert.Equal(entries, stored.Items.Reverse().Select(e => e with { Id = 0 }));
        Assert.Equal(stored.Items.Select(e => e.Id).Order().ToList(), stored.Items.Select(e => e.Id).Reverse().ToList());
    }

    [Fact]
    public async Task AppendAsync_TwoTeams_EachTeamSeesOnlyItsEntries()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync(engine);
        var entries = new[] { Entry(0), Entry(1) with { Team = OtherTeam }, Entry(2) };

        // Act
        await database.Scoped<IAuditStore>().AppendAsync(entries, None);

        // Assert
        var other = await database.Scoped<IAuditStore>().ListAsync(new AuditQuery(OtherTeam, null, null), new PageRequest(10, null), None);
        Assert.Equal("actor-1", Assert.Single(other.Items).ActorId);
    }

    private static AuditRecord Entry(int i) => new(
        0, Team, $"actor-{i}", "/icp_experiments.v1.OutcomeService/RecordOutcome", $"experiments/exp-{i % 3}", i % 7 == 0 ? "NOT_FOUND" : "OK",
        i % 2 == 0 ? "" : $"messages={i}", Now.AddTicks(i * 10_001));

    public sealed class OnSqlite() : AuditStoreTests(StorageEngine.Sqlite);

    public sealed class OnPostgres() : AuditStoreTests(StorageEngine.Postgres);
}
