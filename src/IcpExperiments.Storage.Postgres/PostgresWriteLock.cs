using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IcpExperiments.Storage.Postgres;

/// <summary>
/// Makes every EF transaction (the repositories open one only to write) take one transaction-scoped advisory lock, so
/// the check-then-write units of work (create if absent, bump a version, compare an etag) run one at a time across all
/// replicas, exactly as SQLite's single writer runs them, at READ COMMITTED: each statement after the lock sees every
/// write committed before it. The lock is released by commit or rollback. Ingest does not use it (it locks its experiment).
/// </summary>
internal sealed class PostgresWriteLock : DbTransactionInterceptor
{
    // The key is any constant this application owns: 0x49435058, "ICPX" in ASCII.
    private const string Sql = "SELECT pg_advisory_xact_lock(1229148248)";

    public static PostgresWriteLock Instance { get; } = new();

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.Transaction = result;
        command.CommandText = Sql;
        command.ExecuteNonQuery();
        return result;
    }

    public override async ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = result;
            command.CommandText = Sql;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return result;
    }
}
