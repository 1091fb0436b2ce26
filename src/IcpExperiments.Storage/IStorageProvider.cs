using IcpExperiments.Core.Teams;
using IcpExperiments.Storage.Ingest;
using IcpExperiments.Storage.Security;
using Microsoft.EntityFrameworkCore;

namespace IcpExperiments.Storage;

/// <summary>
/// Everything that differs between database engines: how the context connects, what must happen before migrations,
/// how writers are serialized and the raw-SQL ingest path. The rest of the storage layer is provider-neutral.
/// </summary>
internal interface IStorageProvider
{
    void Configure(DbContextOptionsBuilder builder);

    /// <summary>Creates what the database needs before migrations run (folders, persistent journal mode).</summary>
    Task PrepareAsync(IcpExperimentsDbContext context, CancellationToken cancellationToken);

    /// <summary>Applies pending migrations after <see cref="PrepareAsync"/>; an engine that replicas share serializes them across processes.</summary>
    Task MigrateAsync(IcpExperimentsDbContext context, CancellationToken cancellationToken) => context.Database.MigrateAsync(cancellationToken);

    /// <summary>Waits until this process may write; dispose the result to let the next writer in.</summary>
    ValueTask<IDisposable> EnterWriteAsync(CancellationToken cancellationToken);

    /// <summary>Opens a write transaction for ingesting into one experiment (the caller holds the write gate).</summary>
    Task<IIngestSession> BeginIngestAsync(TeamId team, string experimentId, CancellationToken cancellationToken);

    /// <summary>
    /// Appends audit entries in one transaction on the engine's own writer connection and returns true, or returns false
    /// (the default) and leaves them to the EF path. Takes the write gate itself.
    /// </summary>
    Task<bool> TryAppendAuditAsync(IReadOnlyList<AuditRecord> entries, CancellationToken cancellationToken) => Task.FromResult(false);

    /// <summary>True when analysis may keep an in-memory read model caught up by recorded-at watermarks (SQLite's native scans).</summary>
    bool SupportsAnalysisReadModel => false;
}
