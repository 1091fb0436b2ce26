using IcpExperiments.Storage.Telemetry;

namespace IcpExperiments.Storage.Tests.Telemetry;

public sealed class SqlSummaryTests
{
    [Theory]
    [InlineData("SELECT \"e\".\"id\", \"e\".\"state\" FROM \"experiments\" AS \"e\" WHERE \"e\".\"team_id\" = @__team_0 LIMIT 2", "SELECT experiments")]
    [InlineData("INSERT INTO \"profiles\" (\"id\", \"name\") VALUES (@p0, @p1) RETURNING \"version\";", "INSERT profiles")]
    [InlineData("UPDATE experiments SET data_version = data_version + 1 WHERE team_id = $team", "UPDATE experiments")]
    [InlineData("delete from api_keys where id = $id", "DELETE api_keys")]
    [InlineData("PRAGMA journal_mode=WAL;", "PRAGMA journal_mode")]
    [InlineData("WITH recent AS (SELECT * FROM outcomes) SELECT count(*) FROM recent", "SELECT recent")]
    [InlineData("SELECT count(*) FROM (SELECT 1 FROM outcomes)", "SELECT")]
    [InlineData("SELECT (SELECT max(x) FROM a) FROM b", "SELECT b")]
    [InlineData("-- a comment\nSELECT 1", "SELECT")]
    [InlineData("", "SQL")]
    [InlineData(null, "SQL")]
    public void Of_Statement_OperationAndMainTable(string? sql, string expected)
    {
        // Act
        var summary = SqlSummary.Of(sql);

        // Assert
        Assert.Equal(expected, summary.SpanName);
    }

    [Fact]
    public void Of_StatementWithLiterals_NeverContainsThem()
    {
        // Act
        var summary = SqlSummary.Of("SELECT 'secret-column' FROM accounts WHERE name = 'secret-value' AND revenue > 42");

        // Assert
        Assert.Equal("SELECT accounts", summary.SpanName);
    }
}
