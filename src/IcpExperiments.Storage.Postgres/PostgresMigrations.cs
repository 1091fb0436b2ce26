using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace IcpExperiments.Storage.Postgres;

/// <summary>
/// Applies the migrations when several replicas may start at the same moment. EF's own migration lock on PostgreSQL
/// (a table lock per migration transaction) does not cover reading the history, so two replicas on an empty database
/// both applied the second migration and one failed (proven by PostgresStartupTests). Here the database is created if
/// missing (a concurrent creator is fine), then the whole migration runs under a session advisory lock held on a
/// connection of its own, outside the pool: closing it ends the session, so a crashed start-up never leaves it held.
/// </summary>
internal static class PostgresMigrations
{
    // Any constant this application owns, apart from the write lock's: 0x4943504D, "ICPM" in ASCII.
    private const long LockKey = 1229148237;

    public static async Task MigrateAsync(IcpExperimentsDbContext context, string connectionString, CancellationToken cancellationToken)
    {
        await EnsureDatabaseExistsAsync(context, cancellationToken);
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var command = new NpgsqlCommand($"SELECT pg_advisory_lock({LockKey})", connection))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await context.Database.MigrateAsync(cancellationToken);
    }

    private static async Task EnsureDatabaseExistsAsync(IcpExperimentsDbContext context, CancellationToken cancellationToken)
    {
        var creator = context.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken)) return;
        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException error) when (error.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another replica created it between the check and the create.
        }
    }
}
