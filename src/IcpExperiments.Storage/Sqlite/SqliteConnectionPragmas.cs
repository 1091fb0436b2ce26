using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace IcpExperiments.Storage.Sqlite;

/// <summary>
/// Sets the per-connection pragmas each time EF opens a connection (pooled connections included): <c>synchronous</c>
/// is not stored in the file, and foreign keys are off by default in SQLite. Pragmas stay set on the native connection,
/// so a pooled connection that was configured before is not configured again (that would cost five statements per
/// unit of work, a noticeable share of a unary write).
/// </summary>
internal sealed class SqliteConnectionPragmas(StorageOptions options) : DbConnectionInterceptor
{
    private readonly string pragmas =
        $"PRAGMA synchronous={(string.Equals(options.Synchronous, StorageOptions.SynchronousFull, StringComparison.OrdinalIgnoreCase) ? "FULL" : "NORMAL")};" +
        $"PRAGMA busy_timeout={options.BusyTimeoutMilliseconds};" +
        "PRAGMA foreign_keys=ON;" +
        // Pooled connections (reads, EF writes) get 16 MiB of page cache each (the default is 2 MiB): there can be dozens
        // of them under polling load and each cache only ever grows, so 64 MiB each made the server's memory follow the
        // database's size (soak). A larger checkpoint threshold (16k pages, 64 MiB) copies the WAL back less often.
        "PRAGMA cache_size=-16384;" +
        "PRAGMA wal_autocheckpoint=16384;";

    private static readonly object Configured = new();
    private readonly ConditionalWeakTable<sqlite3, object> configuredHandles = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!IsFirstOpen(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Sets the pragmas on the ingest writer's own connection (EF does not open it). It keeps the same 16 MiB cache as the
    /// others: it had 64 MiB, but SQLite sweeps a connection's whole page-cache hash table at every commit that inserted
    /// rows (pcache1TruncateUnsafe, ~14% of the unary write path's CPU in unary-storage), and that table grows with the
    /// cache. Imports lost nothing (ingest-storage, 1,000,000 outcomes: ratio 0.79-0.93 with 16 MiB, 0.63-0.81 with 64).
    /// </summary>
    public void ApplyToWriter(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!IsFirstOpen(connection)) return;
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>True the first time this native connection is seen (always for a connection that is not SQLite's).</summary>
    private bool IsFirstOpen(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || configuredHandles.TryAdd(handle, Configured);
}
