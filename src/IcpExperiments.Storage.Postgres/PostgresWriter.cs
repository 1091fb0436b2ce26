using IcpExperiments.Storage.Ingest;
using Npgsql;

namespace IcpExperiments.Storage.Postgres;

/// <summary>
/// The process's one ingest connection, kept open and used only by the holder of the write gate, so a small write
/// (a unary record) does not pay for taking a pooled connection while every other writer waits. A broken connection
/// (server restarted, network cut) is replaced on the next session.
/// </summary>
internal sealed class PostgresWriter(string connectionString) : IDisposable
{
    private readonly ArmKeysCache armKeys = new();
    private NpgsqlConnection? connection;

    /// <summary>The arm keys in an experiment's arms JSON, parsed once while it is unchanged.</summary>
    public IReadOnlySet<string> ArmKeys(string armsJson) => armKeys.For(armsJson);

    /// <summary>The open connection, reopened when the previous one broke.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (connection is { State: System.Data.ConnectionState.Open }) return connection;
        if (connection is not null) await connection.DisposeAsync();
        connection = null;
        var opened = new NpgsqlConnection(connectionString);
        try
        {
            await opened.OpenAsync(cancellationToken);
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
