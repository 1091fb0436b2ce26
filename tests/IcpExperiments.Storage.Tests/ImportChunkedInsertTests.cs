using System.Globalization;
using IcpExperiments.Core.Outcomes;
using IcpExperiments.Core.Paging;
using static IcpExperiments.Storage.Tests.TestData;

namespace IcpExperiments.Storage.Tests;

/// <summary>
/// Outcomes are inserted in multi-row statements that check each row's event id and enrolment themselves; a statement
/// that stores fewer rows than planned sends the batch down the full-lookup path. The verdicts must not depend on it.
/// </summary>
public abstract class ImportChunkedInsertTests(StorageEngine engine)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ImportAsync_StoredEventIdInsideAFullChunk_OnlyThatRowIsADuplicate()
    {
        // Arrange
        await using var database = await EnrolledAsync(engine, 40);
        await database.Outcomes().RecordAsync(Team, "exp-1", Lost("evt-05", "acct-05"), Now, None);
        var rows = Enumerable.Range(0, 40).Select(i => new ImportRow(null, Lost($"evt-{i:D2}", $"acct-{i:D2}"))).ToList();

        // Act
        var result = await database.Outcomes().ImportAsync(Team, "exp-1", new ImportBatch("b", rows), Now.AddHours(1), None);

        // Assert
        Assert.Equal((39, 1), (result.Accepted, result.Duplicates));
        Assert.Empty(result.Rejections);
        Assert.Equal(40, await CountOutcomesAsync(database));
    }

    [Fact]
    public async Task ImportAsync_UnenrolledAndEarlyOutcomesAcrossChunks_RejectsThoseRowsByIndexAndStoresTheRest()
    {
        // Arrange
        await using var database = await EnrolledAsync(engine, 70);
        var rows = Enumerable.Range(0, 70).Select(i => new ImportRow(null, Lost($"evt-{i:D2}", $"acct-{i:D2}"))).ToList();
        rows[3] = new ImportRow(null, Lost("evt-03", "ghost"));
        rows[40] = new ImportRow(null, Lost("evt-40", "acct-40") with { OccurredAt = Now.AddDays(-60) });
        rows[65] = new ImportRow(null, Converted("evt-65", "ghost"));

        // Act
        var result = await database.Outcomes().ImportAsync(Team, "exp-1", new ImportBatch("b", rows), Now, None);

        // Assert
        Assert.Equal((67, 0), (result.Accepted, result.Duplicates));
        Assert.Equal(
            [(3, "ACCOUNT_NOT_ENROLLED", "account_id"), (40, "OUTCOME_BEFORE_ENROLMENT", "occurred_at"), (65, "ACCOUNT_NOT_ENROLLED", "account_id")],
            result.Rejections.Select(r => (r.Index, r.Reason, r.Field)));
        Assert.Equal(67, await CountOutcomesAsync(database));
    }

    [Fact]
    public async Task ImportAsync_BatchSpanningEveryStatementSize_StoresEachRowWithItsOwnValuesAndRejectsOnlyTheBadOnes()
    {
        // Arrange: 63 rows go in statements of 32, 16, 8, 4, 2 and 1 rows (enrolments too); row 59 (in the 2-row
        // statement) names an account that is not enrolled and row 62 (the 1-row statement) an event id already stored.
        await using var database = await EnrolledAsync(engine, 63);
        await database.Outcomes().RecordAsync(Team, "exp-1", Lost("evt-62", "acct-62"), Now, None);
        var rows = Enumerable.Range(0, 63).Select(i => new ImportRow(null, Converted($"evt-{i:D2}", $"acct-{i:D2}", 1_000m + i))).ToList();
        rows[59] = new ImportRow(null, Lost("evt-59", "ghost"));

        // Act
        var result = await database.Outcomes().ImportAsync(Team, "exp-1", new ImportBatch("b", rows), Now.AddHours(1), None);

        // Assert
        Assert.Equal((61, 0), (result.Accepted, result.Duplicates));
        Assert.Equal([(59, "ACCOUNT_NOT_ENROLLED"), (62, "EVENT_ID_REUSED")], result.Rejections.Select(r => (r.Index, r.Reason)));
        var stored = (await database.Outcomes().ListOutcomesAsync(Team, "exp-1", new PageRequest(100, null), None)).Items;
        Assert.Equal(62, stored.Count);
        Assert.All(stored.Where(o => o.Event.EventId != "evt-62"), o =>
            Assert.Equal((o.Event.EventId.Replace("evt-", "acct-", StringComparison.Ordinal), 1_000m + int.Parse(o.Event.EventId[4..], CultureInfo.InvariantCulture)), (o.Event.AccountId, o.Event.Acv!.Value.Amount)));
        var enrolled = (await database.Outcomes().ListEnrolmentsAsync(Team, "exp-1", new PageRequest(100, null), None)).Items;
        Assert.Equal(Enumerable.Range(0, 63).Select(i => $"acct-{i:D2}"), enrolled.Select(e => e.Account.AccountId));
    }

    [Fact]
    public async Task ImportAsync_SameEventIdTwiceInOneBatch_SecondIsDuplicateOrReusedAndARetryChangesNothing()
    {
        // Arrange
        await using var database = await EnrolledAsync(engine, 36);
        var rows = Enumerable.Range(0, 30).Select(i => new ImportRow(null, Lost($"evt-{i:D2}", $"acct-{i:D2}"))).ToList();
        rows.Add(new ImportRow(null, Lost("twice", "acct-30")));                     // 30 stored
        rows.Add(new ImportRow(null, Lost("twice", "acct-30")));                     // 31 duplicate of row 30
        rows.Add(new ImportRow(null, Converted("clash", "acct-32")));                // 32 stored
        rows.Add(new ImportRow(null, Converted("clash", "acct-32", 1m)));            // 33 EVENT_ID_REUSED within the batch
        rows.Add(new ImportRow(null, Lost("last", "acct-34")));                      // 34 stored
        var batch = new ImportBatch("b", rows);

        // Act
        var first = await database.Outcomes().ImportAsync(Team, "exp-1", batch, Now, None);
        var retry = await database.Outcomes().ImportAsync(Team, "exp-1", batch, Now.AddHours(1), None);

        // Assert
        Assert.Equal((33, 1), (first.Accepted, first.Duplicates));
        Assert.Equal([(33, "EVENT_ID_REUSED")], first.Rejections.Select(r => (r.Index, r.Reason)));
        Assert.Equal((0, 34), (retry.Accepted, retry.Duplicates));
        Assert.Equal([(33, "EVENT_ID_REUSED")], retry.Rejections.Select(r => (r.Index, r.Reason)));
        var outcomes = (await database.Outcomes().ListOutcomesAsync(Team, "exp-1", new PageRequest(100, null), None)).Items;
        Assert.Equal(33, outcomes.Count);
        Assert.Equal((24_000.10m, Now), (outcomes.Single(o => o.Event.EventId == "clash").Event.Acv!.Value.Amount, outcomes[0].RecordedAt));
    }

    [Fact]
    public async Task ImportAsync_OutcomeBeforeItsAccountsEnrolmentRow_RejectedAsNotEnrolledThoughTheAccountIsEnrolledByTheBatch()
    {
        // Arrange
        await using var database = await OutcomeRepositoryTests.CreateRunningAsync(engine);
        var rows = new ImportRow[]
        {
            new(null, Lost("too-soon", "newco")),   // 0 ACCOUNT_NOT_ENROLLED: the enrolment comes later in the batch
            new(Enrolment("newco"), null),          // 1 stored
            new(null, Lost("in-time", "newco")),    // 2 stored
        };

        // Act
        var result = await database.Outcomes().ImportAsync(Team, "exp-1", new ImportBatch("b", rows), Now, None);

        // Assert
        Assert.Equal(2, result.Accepted);
        Assert.Equal([(0, "ACCOUNT_NOT_ENROLLED")], result.Rejections.Select(r => (r.Index, r.Reason)));
        var outcomes = await database.Outcomes().ListOutcomesAsync(Team, "exp-1", PageRequest.First, None);
        Assert.Equal(["in-time"], outcomes.Items.Select(o => o.Event.EventId));
    }

    /// <summary>A running experiment with accounts acct-00, acct-01, … enrolled in control.</summary>
    internal static async Task<TestDatabase> EnrolledAsync(StorageEngine engine, int accounts)
    {
        var database = await OutcomeRepositoryTests.CreateRunningAsync(engine);
        var enrolments = Enumerable.Range(0, accounts).Select(i => new ImportRow(Enrolment($"acct-{i:D2}"), null)).ToList();
        var enrolled = await database.Outcomes().ImportAsync(Team, "exp-1", new ImportBatch("enrol", enrolments), Now, None);
        Assert.Equal(accounts, enrolled.Accepted);
        return database;
    }

    private static async Task<int> CountOutcomesAsync(TestDatabase database) =>
        (await database.Outcomes().ListOutcomesAsync(Team, "exp-1", new PageRequest(100, null), None)).Items.Count;

    public sealed class OnSqlite() : ImportChunkedInsertTests(StorageEngine.Sqlite);

    public sealed class OnPostgres() : ImportChunkedInsertTests(StorageEngine.Postgres);
}
