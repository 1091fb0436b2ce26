using IcpExperiments.Core.Outcomes;
using IcpExperiments.Core.Paging;
using static IcpExperiments.Storage.Tests.TestData;

namespace IcpExperiments.Storage.Tests;

/// <summary>Outcome event ids are checked by the insert itself, not looked up first: the verdicts must be those of a full lookup.</summary>
public abstract class ImportEventIdClashTests(StorageEngine engine)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ImportAsync_StoredEventIdsAmongNewRows_EachRowJudgedAgainstTheStoredContent()
    {
        // Arrange
        await using var database = await OutcomeRepositoryTests.CreateRunningAsync(engine);
        await database.Outcomes().EnrollAsync(Team, Enrolment("acme"), None);
        await database.Outcomes().RecordAsync(Team, "exp-1", Converted("won-acme", "acme"), Now, None);
        await database.Outcomes().RecordAsync(Team, "exp-1", Lost("lost-acme", "acme"), Now, None);
        var version = await database.DataVersions().GetAsync(Team, "exp-1", None);
        var rows = new ImportRow[]
        {
            new(null, Converted("won-acme", "acme")),     // 0 duplicate of the stored outcome
            new(null, Converted("won-acme", "acme", 1m)), // 1 EVENT_ID_REUSED against the stored outcome
            new(null, Lost("new-1", "acme")),             // 2 stored
            new(null, Lost("won-acme", "ghost")),         // 3 EVENT_ID_REUSED: a stored event id outranks the missing enrolment
            new(null, Lost("ghost-new", "ghost")),        // 4 ACCOUNT_NOT_ENROLLED
            new(null, Lost("fresh", "ghost")),            // 5 ACCOUNT_NOT_ENROLLED
            new(null, Lost("fresh", "acme")),             // 6 stored: the rejected row 5 did not take the event id
            new(null, Lost("lost-acme", "ghost")),        // 7 EVENT_ID_REUSED, with no other row of the batch on that event id
        };

        // Act
        var result = await database.Outcomes().ImportAsync(Team, "exp-1", new ImportBatch("b", rows), Now.AddHours(1), None);

        // Assert
        Assert.Equal((2, 1), (result.Accepted, result.Duplicates));
        Assert.Equal(
            [(1, "EVENT_ID_REUSED"), (3, "EVENT_ID_REUSED"), (4, "ACCOUNT_NOT_ENROLLED"), (5, "ACCOUNT_NOT_ENROLLED"), (7, "EVENT_ID_REUSED")],
            result.Rejections.Select(r => (r.Index, r.Reason)));
        var outcomes = (await database.Outcomes().ListOutcomesAsync(Team, "exp-1", PageRequest.First, None)).Items;
        Assert.Equal(["fresh", "lost-acme", "new-1", "won-acme"], outcomes.Select(o => o.Event.EventId));
        var original = outcomes.Single(o => o.Event.EventId == "won-acme");
        Assert.Equal((24_000.10m, Now), (original.Event.Acv!.Value.Amount, original.RecordedAt));
        Assert.Equal(version + 1, await database.DataVersions().GetAsync(Team, "exp-1", None));
    }

    [Fact]
    public async Task RecordAsync_StoredEventIdRecordedAgain_ReturnsOriginalAndLeavesDataVersion()
    {
        // Arrange
        await using var database = await OutcomeRepositoryTests.CreateRunningAsync(engine);
        await database.Outcomes().EnrollAsync(Team, Enrolment("acme"), None);
        await database.Outcomes().RecordAsync(Team, "exp-1", Lost("lost-1", "acme"), Now, None);
        var version = await database.DataVersions().GetAsync(Team, "exp-1", None);

        // Act
        var retry = await database.Outcomes().RecordAsync(Team, "exp-1", Lost("lost-1", "acme"), Now.AddHours(1), None);

        // Assert
        Assert.Equal((RecordDisposition.Duplicate, Now), (retry.Disposition, retry.RecordedAt));
        Assert.Equal(version, await database.DataVersions().GetAsync(Team, "exp-1", None));
    }

    public sealed class OnSqlite() : ImportEventIdClashTests(StorageEngine.Sqlite);

    public sealed class OnPostgres() : ImportEventIdClashTests(StorageEngine.Postgres);
}
