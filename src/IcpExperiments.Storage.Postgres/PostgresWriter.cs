using Npgsql;

namespace IcpExperiments.Storage.Postgres;

/// <summary>
/// The process's one ingest connection, kept open and used only by the holder of the write gate, so its prepared
/// statements and its staging table (a temporary table, private to the connection, emptied at every commit) are made
/// once. A broken connection (server restarted, network cut) is replaced on the next session.
/// </summary>
internal sealed class PostgresWriter(string connectionString) : IDisposable
{
    /// <summary>Outcome rows are copied here first, then inserted with the checks COPY cannot make (enrolment, event id).</summary>
    public const string OutcomeStaging = "ingest_outcomes";

    private const string CreateStagingSql =
        $"CREATE TEMPORARY TABLE IF NOT EXISTS {OutcomeStaging} (event_id text COLLATE \"C\" NOT NULL, account_id text COLLATE \"C\" NOT NULL, " +
        "kind text NOT NULL, occurred_at bigint NOT NULL, acv_currency text NULL, acv_amount numeric NULL, cycle_days double precision NULL, " +
        "fingerprint text NOT NULL) ON COMMIT DELETE ROWS";

    private NpgsqlConnection? connection;

    /// <summary>The open connection, reopened (with its staging table) when the previous one broke.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (connection is { State: System.Data.ConnectionState.Open }) return connection;
        if (connection is not null) await connection.DisposeAsync();
        connection = null;
        var opened = new NpgsqlConnection(connectionString);
        try
        {
            await opened.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand(CreateStagingSql, opened);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch
        {
            await opened.DisposeAsync();
            throw;
        }

        connection = opened;
        return opened;
    }

    public void Dispose() => connection?.Dispose();
}
