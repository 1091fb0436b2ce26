using IcpExperiments.Core.Teams;
using IcpExperiments.Storage.Ingest;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace IcpExperiments.Storage.Postgres;

/// <summary>
/// PostgreSQL specifics. Replicas share the database, so exclusion between processes is the database's: every EF write
/// transaction takes one advisory lock (<see cref="PostgresWriteLock"/>, the single-writer rule the repositories were
/// written for), and an ingest transaction locks its experiment's row, so ingest into different experiments runs in
/// parallel across replicas. Inside a process writers still queue on a gate (the unary group commit relies on it) and
/// ingest uses one long-lived connection (<see cref="PostgresWriter"/>). Migrations create the database if it is missing and
/// run one replica at a time (<see cref="PostgresMigrations"/>).
/// </summary>
internal sealed class PostgresStorageProvider(StorageOptions options) : IStorageProvider, IDisposable
{
    private readonly WriteGate writeGate = new();
    private readonly string connectionString = options.ConnectionString
        ?? throw new InvalidOperationException($"{StorageOptions.SectionName}:ConnectionString must be set for PostgreSQL.");

    private PostgresWriter? writer;

    public void Configure(DbContextOptionsBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(PostgresStorageProvider).Assembly.GetName().Name))
            .ReplaceService<IModelCustomizer, PostgresModelCustomizer>()
            .AddInterceptors(PostgresWriteLock.Instance);
    }

    public Task PrepareAsync(IcpExperimentsDbContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task MigrateAsync(IcpExperimentsDbContext context, CancellationToken cancellationToken) => PostgresMigrations.MigrateAsync(context, connectionString, cancellationToken);

    public ValueTask<IDisposable> EnterWriteAsync(CancellationToken cancellationToken) => writeGate.EnterAsync(cancellationToken);

    public async Task<IIngestSession> BeginIngestAsync(TeamId team, string experimentId, CancellationToken cancellationToken)
    {
        writer ??= new PostgresWriter(connectionString);
        return await PostgresIngestSession.BeginAsync(writer, team, experimentId, cancellationToken);
    }

    public void Dispose()
    {
        writer?.Dispose();
        writeGate.Dispose();
    }
}
