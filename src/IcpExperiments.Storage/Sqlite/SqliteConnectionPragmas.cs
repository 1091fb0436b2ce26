using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IcpExperiments.Storage.Sqlite;

/// <summary>
/// Sets the per-connection pragmas each time EF opens a connection (pooled connections included): <c>synchronous</c>
/// is not stored in the file, and foreign keys are off by default in SQLite.
/// </summary>
internal sealed class SqliteConnectionPragmas(StorageOptions options) : DbConnectionInterceptor
{
    private readonly string pragmas =
        $"PRAGMA synchronous={(string.Equals(options.Synchronous, StorageOptions.SynchronousFull, StringComparison.OrdinalIgnoreCase) ? "FULL" : "NORMAL")};" +
        $"PRAGMA busy_timeout={options.BusyTimeoutMilliseconds};" +
        "PRAGMA foreign_keys=ON;" +
        // A 64 MiB page cache keeps the hot index pages of large experiments in memory (the default is 2 MiB), and a
        // larger checkpoint threshold (16k pages, 64 MiB) copies the WAL back less often than after every ingest batch.
        "PRAGMA cache_size=-65536;" +
        "PRAGMA wal_autocheckpoint=16384;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
