using IcpExperiments.Core.Experiments;
using IcpExperiments.Storage.Conversions;
using IcpExperiments.Storage.Ingest;
using Microsoft.Data.Sqlite;

namespace IcpExperiments.Storage.Sqlite;

/// <summary>
/// The process's one ingest connection, kept open and used only by the holder of the write gate, with its statements
/// prepared once. A small write (a unary record) then pays neither for taking a pooled connection through EF nor for
/// preparing its statements: most of a small transaction's cost, and spent while every other writer waits.
/// </summary>
internal sealed class SqliteWriter(string connectionString, SqliteConnectionPragmas pragmas) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> commands = new(StringComparer.Ordinal);
    private SqliteConnection? connection;
    private SqliteOutcomeInsert? outcomeInsert;
    private SqliteEnrolmentInsert? enrolmentInsert;
    private SqliteAuditInsert? auditInsert;
    private SqliteSessionStatements? sessionStatements;
    private readonly ArmKeysCache armKeys = new();

    public SqliteConnection Connection => connection ??= Open();

    public SqliteOutcomeInsert OutcomeInsert => outcomeInsert ??= new SqliteOutcomeInsert(Connection);

    public SqliteEnrolmentInsert EnrolmentInsert => enrolmentInsert ??= new SqliteEnrolmentInsert(Connection);

    public SqliteAuditInsert AuditInsert => auditInsert ??= new SqliteAuditInsert(Connection);

    public SqliteSessionStatements SessionStatements => sessionStatements ??= new SqliteSessionStatements(Connection);

    /// <summary>
    /// The command for <paramref name="sql"/> (prepared on first execution, kept), without parameters. It runs inside the
    /// session's native transaction, which Microsoft.Data.Sqlite does not track, so it carries no transaction object.
    /// </summary>
    public SqliteCommand Command(string sql)
    {
        if (!commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            commands[sql] = command;
        }

        command.Parameters.Clear();
        return command;
    }

    /// <summary>The arm keys in an experiment's arms JSON, parsed once while it is unchanged.</summary>
    public IReadOnlySet<string> ArmKeys(string armsJson) => armKeys.For(armsJson);

    public void Dispose()
    {
        foreach (var command in commands.Values) command.Dispose();
        outcomeInsert?.Dispose();
        enrolmentInsert?.Dispose();
        auditInsert?.Dispose();
        sessionStatements?.Dispose();
        connection?.Dispose();
    }

    private SqliteConnection Open()
    {
        var opened = new SqliteConnection(connectionString);
        opened.Open();
        pragmas.ApplyToWriter(opened);
        return opened;
    }
}
