using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace IcpExperiments.Benchmarks;

/// <summary>
/// The floor for ingest benchmarks: the same outcome rows inserted with one prepared Microsoft.Data.Sqlite statement in
/// one transaction, with the server's pragmas (WAL, synchronous=NORMAL), into either a plain unindexed table
/// (<see cref="FloorTable.Heap"/>) or a table of the same shape and key as <c>outcomes</c> (<see cref="FloorTable.Keyed"/>:
/// WITHOUT ROWID, primary key team, experiment, event id, the key idempotency needs). "rate / floor" says how much the
/// service's checks and plumbing cost; against the keyed floor, without counting the unique key every design needs.
/// </summary>
public static class SqliteInsertFloor
{
    /// <summary>One outcome as the floor stores it.</summary>
    public readonly record struct Row(string EventId, string AccountId, string Kind, long OccurredAtTicks, string? Currency, decimal? Amount, double? CycleDays);

    private static readonly string[] Parameters = ["$team", "$experiment", "$event", "$account", "$kind", "$occurred", "$currency", "$amount", "$cycle", "$fingerprint", "$recorded"];

    public enum FloorTable
    {
        Heap,
        Keyed,
    }

    /// <summary>Inserts <paramref name="rows"/> into a new file at <paramref name="path"/>; returns rows per second.</summary>
    public static double Measure(string path, IReadOnlyList<Row> rows, FloorTable table = FloorTable.Heap)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
        Execute(connection, "PRAGMA cache_size=-65536;");
        Execute(connection, table == FloorTable.Heap
            ? "CREATE TABLE floor (team_id TEXT, experiment_id TEXT, event_id TEXT, account_id TEXT, kind TEXT, occurred_at INTEGER, " +
              "acv_currency TEXT, acv_amount TEXT, cycle_days REAL, fingerprint TEXT, recorded_at INTEGER)"
            : "CREATE TABLE floor (team_id TEXT NOT NULL, experiment_id TEXT NOT NULL, event_id TEXT NOT NULL, account_id TEXT NOT NULL, kind TEXT NOT NULL, " +
              "occurred_at INTEGER NOT NULL, acv_currency TEXT NULL, acv_amount TEXT NULL, cycle_days REAL NULL, fingerprint TEXT NOT NULL, recorded_at INTEGER NOT NULL, " +
              "PRIMARY KEY (team_id, experiment_id, event_id)) WITHOUT ROWID");
        var stopwatch = Stopwatch.StartNew();
        using (var transaction = connection.BeginTransaction())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO floor VALUES ($team, $experiment, $event, $account, $kind, $occurred, $currency, $amount, $cycle, $fingerprint, $recorded)";
            var p = Parameters.Select(name => command.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
            command.Prepare();
            p[0].Value = "default";
            p[1].Value = "bench";
            p[9].Value = new string('f', 64);
            p[10].Value = DateTimeOffset.UtcNow.UtcTicks;
            foreach (var row in rows)
            {
                p[2].Value = row.EventId;
                p[3].Value = row.AccountId;
                p[4].Value = row.Kind;
                p[5].Value = row.OccurredAtTicks;
                p[6].Value = (object?)row.Currency ?? DBNull.Value;
                p[7].Value = row.Amount is { } amount ? amount.ToString(System.Globalization.CultureInfo.InvariantCulture) : DBNull.Value;
                p[8].Value = (object?)row.CycleDays ?? DBNull.Value;
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        stopwatch.Stop();
        return rows.Count / stopwatch.Elapsed.TotalSeconds;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
