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
        "PRAGMA foreign_keys=ON;";

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
