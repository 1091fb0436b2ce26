using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace IcpExperiments.Storage.Sqlite;

/// <summary>
/// The statements every ingest transaction runs, prepared once on the writer connection and run natively: the
/// transaction's own control (BEGIN IMMEDIATE, the retry savepoint, COMMIT, ROLLBACK), the experiment's state and arms,
/// and the data-version bump. Through Microsoft.Data.Sqlite each transaction statement was parsed again on every use and
/// each query looked its parameters up by name; these fixed costs are paid once per group-commit batch, under the gate.
/// </summary>
internal sealed class SqliteSessionStatements(SqliteConnection connection) : SqliteNativeStatements(connection)
{
    private const string Savepoint = "ingest_attempt";

    private sqlite3_stmt? begin, savepoint, rollbackToSavepoint, commit, rollback, loadExperiment, bumpDataVersion;

    public void Begin() => Execute(begin ??= Prepare("BEGIN IMMEDIATE"));

    public void CreateSavepoint() => Execute(savepoint ??= Prepare($"SAVEPOINT {Savepoint}"));

    public void RollbackToSavepoint() => Execute(rollbackToSavepoint ??= Prepare($"ROLLBACK TO {Savepoint}"));

    public void Commit() => Execute(commit ??= Prepare("COMMIT"));

    /// <summary>Rolls back the open transaction; nothing when none is open (a failed COMMIT can have ended it already).</summary>
    public void Rollback()
    {
        if (raw.sqlite3_get_autocommit(Database) == 0) Execute(rollback ??= Prepare("ROLLBACK"));
    }

    /// <summary>The experiment's state name and arms JSON; null when the team has no such experiment.</summary>
    public (string State, string ArmsJson)? LoadExperiment(string team, string experimentId)
    {
        var statement = loadExperiment ??= Prepare("SELECT state, arms_json FROM experiments WHERE team_id = ?1 AND id = ?2");
        BindText(statement, 1, team);
        BindText(statement, 2, experimentId);
        return QuerySingle(statement, row => ((string State, string ArmsJson)?)(raw.sqlite3_column_text(row, 0).utf8_to_string(), raw.sqlite3_column_text(row, 1).utf8_to_string()));
    }

    /// <summary>Adds one to the experiment's data version and returns the new value (null when the experiment is gone).</summary>
    public long? BumpDataVersion(string team, string experimentId)
    {
        var statement = bumpDataVersion ??= Prepare("UPDATE experiments SET data_version = data_version + 1 WHERE team_id = ?1 AND id = ?2 RETURNING data_version");
        BindText(statement, 1, team);
        BindText(statement, 2, experimentId);
        return QuerySingle(statement, row => (long?)raw.sqlite3_column_int64(row, 0));
    }
}
