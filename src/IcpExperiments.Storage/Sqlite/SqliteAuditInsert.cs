using IcpExperiments.Storage.Security;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace IcpExperiments.Storage.Sqlite;

/// <summary>
/// Appends audit entries on the writer connection with native multi-row statements prepared once
/// (<see cref="SqliteMultiRowInsert{TRow}"/>). Through a pooled EF connection every batch parsed its statements again,
/// and its commit made the writer connection drop its whole page cache (SQLite resets a connection's cache when
/// another connection has written), which the next ingest transactions then read back. Values are written as EF writes
/// them (UTC ticks); ids are assigned by the table, in append order.
/// </summary>
internal sealed class SqliteAuditInsert(SqliteConnection connection) : SqliteMultiRowInsert<AuditRecord>(connection, sharedParameters: 0)
{
    private const int ParametersPerRow = 7;

    /// <summary>Appends every entry, in order.</summary>
    public void InsertAll(IReadOnlyList<AuditRecord> entries) => InsertInOrder(entries, bindShared: null);

    protected override string Sql(int rows) =>
        "INSERT INTO audit_entries (team_id, actor_id, method, resource_name, status_code, detail, occurred_at) " +
        $"VALUES {ValueRows(rows, ParametersPerRow, FirstRowParameter)}";

    protected override void Bind(sqlite3_stmt statement, int row, AuditRecord item)
    {
        int at = FirstRowParameter + row * ParametersPerRow;
        BindText(statement, at, item.Team.Value);
        BindText(statement, at + 1, item.ActorId);
        BindText(statement, at + 2, item.Method);
        BindText(statement, at + 3, item.ResourceName);
        BindText(statement, at + 4, item.StatusCode);
        BindText(statement, at + 5, item.Detail);
        BindInt64(statement, at + 6, item.OccurredAt.UtcTicks);
    }
}
