using IcpExperiments.Core.Accounts;
using IcpExperiments.Core.Outcomes;
using IcpExperiments.Core.Paging;
using static IcpExperiments.Storage.Tests.TestData;

namespace IcpExperiments.Storage.Tests;

/// <summary>Enrolments go in through multi-row native statements (chunks and a remainder); every field must come back as given.</summary>
public abstract class ImportEnrolmentInsertTests(StorageEngine engine)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ImportAsync_EnrolmentsAcrossChunks_StoresEveryFieldAsGiven()
    {
        // Arrange: 70 rows = two full chunks of 32 and a remainder, with and without campaign, lists and attributes.
        await using var database = await OutcomeRepositoryTests.CreateRunningAsync(engine);
        await database.Experiments().CreateCampaignAsync(Team, Campaign("cmp-1", "exp-1", "control"), None);
        var enrolments = Enumerable.Range(0, 70).Select(i => Enrolment($"acct-{i:D2}", i % 2 == 0 ? "control" : "variant-a", campaignId: i % 4 == 0 ? "cmp-1" : null) with
        {
            Account = new Account($"acct-{i:D2}", i % 3 == 0
                ? AccountAttributes.Empty
                : Attributes() with { EmployeeCount = 100 + i, AnnualRevenue = 1.5e6 + i, TechStack = ["dbt", $"tool-{i}", "ß<&'\"+"], Extra = new Dictionary<string, string> { ["k"] = $"v{i}", ["é"] = "ü" } }),
        }).ToList();

        // Act
        var result = await database.Outcomes().ImportAsync(Team, "exp-1", new ImportBatch("b", enrolments.Select(e => new ImportRow(e, null)).ToList()), Now, None);

        // Assert
        Assert.Equal((70, 0), (result.Accepted, result.Rejections.Count));
        var stored = (await database.Outcomes().ListEnrolmentsAsync(Team, "exp-1", new PageRequest(100, null), None)).Items;
        Assert.Equal(70, stored.Count);
        foreach (var (expected, actual) in enrolments.Zip(stored))
        {
            Assert.Equal(expected with { Account = actual.Account }, actual);
            Assert.Equal(expected.Account.Attributes with { TechStack = actual.Account.Attributes.TechStack, Extra = actual.Account.Attributes.Extra }, actual.Account.Attributes);
            Assert.Equal(expected.Account.Attributes.TechStack, actual.Account.Attributes.TechStack);
            Assert.Equal(expected.Account.Attributes.Extra, actual.Account.Attributes.Extra);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(170)]
    [InlineData(171)]
    [InlineData(2_000)]
    public async Task ImportAsync_MultiByteTextAroundTheStackBuffer_ComesBackAsGiven(int repeats)
    {
        // Arrange: "é€𝄞" is 2 + 3 + 4 UTF-8 bytes; 170 repeats stay within the 512-byte stack buffer's worst-case bound
        // (3 bytes per UTF-16 unit), 171 do not, 2,000 are far past it (a pooled buffer).
        await using var database = await OutcomeRepositoryTests.CreateRunningAsync(engine);
        var text = string.Concat(Enumerable.Repeat("é€𝄞", repeats));
        var enrolment = Enrolment("acct-utf8") with
        {
            Account = new Account("acct-utf8", Attributes() with { Industry = text, TechStack = [text], Extra = new Dictionary<string, string> { [text] = text } }),
        };

        // Act
        var result = await database.Outcomes().ImportAsync(Team, "exp-1", new ImportBatch("b", [new ImportRow(enrolment, null)]), Now, None);

        // Assert
        Assert.Equal(1, result.Accepted);
        var stored = Assert.Single((await database.Outcomes().ListEnrolmentsAsync(Team, "exp-1", new PageRequest(10, null), None)).Items);
        Assert.Equal(text, stored.Account.Attributes.Industry);
        Assert.Equal([text], stored.Account.Attributes.TechStack);
        Assert.Equal(text, stored.Account.Attributes.Extra[text]);
    }

    [Fact]
    public async Task ImportAsync_SameEnrolmentsAgain_AllDuplicatesNothingStoredTwice()
    {
        // Arrange
        await using var database = await ImportChunkedInsertTests.EnrolledAsync(engine, 40);
        var again = Enumerable.Range(0, 40).Select(i => new ImportRow(Enrolment($"acct-{i:D2}"), null)).ToList();

        // Act
        var result = await database.Outcomes().ImportAsync(Team, "exp-1", new ImportBatch("again", again), Now, None);

        // Assert
        Assert.Equal((0, 40), (result.Accepted, result.Duplicates));
        Assert.Equal(40, (await database.Outcomes().ListEnrolmentsAsync(Team, "exp-1", new PageRequest(100, null), None)).Items.Count);
    }

    public sealed class OnSqlite() : ImportEnrolmentInsertTests(StorageEngine.Sqlite);

    public sealed class OnPostgres() : ImportEnrolmentInsertTests(StorageEngine.Postgres);
}
