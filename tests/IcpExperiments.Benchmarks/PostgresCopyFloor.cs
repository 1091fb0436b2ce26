using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace IcpExperiments.Benchmarks;

/// <summary>
/// The PostgreSQL floor for ingest benchmarks: the same outcome rows (the <see cref="SqliteInsertFloor.Row"/> shape) with
/// one plain Npgsql binary COPY in one transaction into an unindexed table of the outcomes' columns, in the database
/// of <paramref name="connectionString"/>. Nothing is faster into PostgreSQL from a client.
/// </summary>
public static class PostgresCopyFloor
{
    public static async Task<double> MeasureAsync(string connectionString, IReadOnlyList<SqliteInsertFloor.Row> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand(
            "DROP TABLE IF EXISTS floor; CREATE TABLE floor (team_id varchar(63), experiment_id varchar(63), event_id varchar(128), account_id varchar(128), " +
            "kind varchar(32), occurred_at bigint, acv_currency varchar(3), acv_amount numeric, cycle_days double precision, fingerprint varchar(128), recorded_at bigint)", connection))
            await create.ExecuteNonQueryAsync();
        var fingerprint = new string('f', 64);
        var recordedAt = DateTimeOffset.UtcNow.UtcTicks;
        var stopwatch = Stopwatch.StartNew();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using (var importer = await connection.BeginBinaryImportAsync("COPY floor FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var row in rows)
                {
                    await importer.StartRowAsync();
                    await importer.WriteAsync("default", NpgsqlDbType.Text);
                    await importer.WriteAsync("bench", NpgsqlDbType.Text);
                    await importer.WriteAsync(row.EventId, NpgsqlDbType.Text);
                    await importer.WriteAsync(row.AccountId, NpgsqlDbType.Text);
                    await importer.WriteAsync(row.Kind, NpgsqlDbType.Text);
                    await importer.WriteAsync(row.OccurredAtTicks, NpgsqlDbType.Bigint);
                    if (row.Currency is null) await importer.WriteNullAsync();
                    else await importer.WriteAsync(row.Currency, NpgsqlDbType.Text);
                    if (row.Amount is { } amount) await importer.WriteAsync(amount, NpgsqlDbType.Numeric);
                    else await importer.WriteNullAsync();
                    if (row.CycleDays is { } days) await importer.WriteAsync(days, NpgsqlDbType.Double);
                    else await importer.WriteNullAsync();
                    await importer.WriteAsync(fingerprint, NpgsqlDbType.Text);
                    await importer.WriteAsync(recordedAt, NpgsqlDbType.Bigint);
                }

                await importer.CompleteAsync();
            }

            await transaction.CommitAsync();
        }

        stopwatch.Stop();
        return rows.Count / stopwatch.Elapsed.TotalSeconds;
    }
}
