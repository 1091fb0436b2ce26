using System.Data.Common;
using System.Diagnostics;
using IcpExperiments.Core.Outcomes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using static IcpExperiments.Storage.Tests.TestData;

namespace IcpExperiments.Storage.Tests.Telemetry;

/// <summary>The storage spans on each engine: the same hooks serve both providers.</summary>
public abstract class StorageTracingTests(StorageEngine engine)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly string dbSystem = engine == StorageEngine.Sqlite ? "sqlite" : "postgresql";

    [Fact]
    public async Task CreateAsync_Traced_OneClientSpanPerCommandNamedByOperationAndTable()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync(engine);
        using var spans = new StorageSpans();

        // Act
        await database.Profiles().CreateAsync(Team, Profile("traced-icp"), None);

        // Assert
        var commands = spans.Finished();
        Assert.NotEmpty(commands);
        Assert.All(commands, span =>
        {
            Assert.Equal(ActivityKind.Client, span.Kind);
            Assert.Equal(dbSystem, span.GetTagItem("db.system"));
            Assert.NotEqual(ActivityStatusCode.Error, span.Status);
            Assert.DoesNotContain("traced-icp", string.Join(" ", span.TagObjects.Select(t => t.Value)), StringComparison.Ordinal);
        });
        Assert.Contains(commands, s => s.DisplayName == "INSERT profiles" && Equals(s.GetTagItem("db.operation"), "INSERT"));
    }

    [Fact]
    public async Task ExecuteSqlRawAsync_CommandFails_SpanIsAnErrorWithTheExceptionType()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync(engine);
        var db = database.Scoped<IcpExperimentsDbContext>();
        using var spans = new StorageSpans();

        // Act
        await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM no_such_table", None));

        // Assert: SQLite reports no SQL state, so the exception type; PostgreSQL's undefined_table is 42P01.
        var failed = Assert.Single(spans.Finished());
        Assert.Equal("DELETE no_such_table", failed.DisplayName);
        Assert.Equal(ActivityStatusCode.Error, failed.Status);
        Assert.Equal(engine == StorageEngine.Sqlite ? typeof(SqliteException).FullName : "42P01", failed.GetTagItem("error.type"));
    }

    [Fact]
    public async Task ImportAsync_Traced_OneIngestSpanForTheBatchNotOnePerRow()
    {
        // Arrange
        await using var database = await OutcomeRepositoryTests.CreateRunningAsync(engine);
        var rows = Enumerable.Range(0, 100).Select(i => new ImportRow(Enrolment($"acct-{i}"), null))
            .Append(new ImportRow(null, Lost("lost-0", "acct-0"))).Append(new ImportRow(null, Lost("lost-ghost", "ghost"))).ToArray();
        var outcomes = database.Outcomes();
        using var spans = new StorageSpans();

        // Act
        var result = await outcomes.ImportAsync(Team, "exp-1", new ImportBatch("traced", rows), Now, None);

        // Assert
        var ingest = Assert.Single(spans.Finished(), s => s.DisplayName == "INGEST outcomes");
        Assert.Equal(101, result.Accepted);
        Assert.Equal(102, ingest.GetTagItem("icp_experiments.ingest.rows"));
        Assert.Equal(101, ingest.GetTagItem("icp_experiments.ingest.stored"));
        Assert.Equal(dbSystem, ingest.GetTagItem("db.system"));
        Assert.Equal(ActivityStatusCode.Ok, ingest.Status);
        Assert.Equal("exp-1", ingest.GetTagItem("icp_experiments.experiment_id"));
    }

    [Fact]
    public async Task ImportAsync_ExperimentMissing_IngestSpanEndsAsAnError()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync(engine);
        var outcomes = database.Outcomes();
        using var spans = new StorageSpans();

        // Act
        await Assert.ThrowsAnyAsync<Exception>(() => outcomes.ImportAsync(Team, "missing", new ImportBatch("b", [new ImportRow(Enrolment("a", experimentId: "missing"), null)]), Now, None));

        // Assert
        var ingest = Assert.Single(spans.Finished(), s => s.DisplayName == "INGEST outcomes");
        Assert.Equal(ActivityStatusCode.Error, ingest.Status);
    }

    public sealed class OnSqlite() : StorageTracingTests(StorageEngine.Sqlite);

    public sealed class OnPostgres() : StorageTracingTests(StorageEngine.Postgres);
}
