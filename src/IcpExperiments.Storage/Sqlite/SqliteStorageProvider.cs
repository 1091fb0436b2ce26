using IcpExperiments.Core.Teams;
using IcpExperiments.Storage.Ingest;
using IcpExperiments.Storage.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace IcpExperiments.Storage.Sqlite;

/// <summary>
/// SQLite specifics: one file in WAL mode, per-connection pragmas, and one writer at a time. SQLite admits a single
/// writer; rather than let concurrent writers poll with the busy handler (sleeps of up to 100 ms, which ruins tail
/// latency), writers of this process queue on a semaphore and hand over at once. Transactions still begin IMMEDIATE
/// and connections carry a busy timeout, so another process writing the same file is waited for, not failed. Ingest
/// writes go through one long-lived connection that only the gate holder uses (<see cref="SqliteWriter"/>).
/// </summary>
internal sealed class SqliteStorageProvider(StorageOptions options) : IStorageProvider, IDisposable
{
    public const string MigrationsNamespace = "IcpExperiments.Storage.Migrations.Sqlite";

    private readonly WriteGate writeGate = new();
    private readonly SqliteConnectionPragmas pragmas = new(options);
    private readonly string connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = options.FullDatabasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = Math.Max(1, options.BusyTimeoutMilliseconds / 1000),
    }.ToString();

    /// <summary>Most audit entries appended in one transaction (see <see cref="TryAppendAuditAsync"/>).</summary>
    public const int AuditRowsPerTransaction = 64;

    private SqliteWriter? writer;

    public bool SupportsAnalysisReadModel => true;

    public void Configure(DbContextOptionsBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(SqliteStorageProvider).Assembly.GetName().Name))
            .AddInterceptors(pragmas);
    }

    public async Task PrepareAsync(IcpExperimentsDbContext context, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(options.FullDatabasePath);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);

        // WAL is a property of the file (it persists), so it is set once here rather than on every connection.
        await context.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }

    public ValueTask<IDisposable> EnterWriteAsync(CancellationToken cancellationToken) => writeGate.EnterAsync(cancellationToken);

    public Task<IIngestSession> BeginIngestAsync(TeamId team, string experimentId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IIngestSession>(SqliteIngestSession.Begin(Writer, team, experimentId));
    }

    /// <summary>
    /// On the writer connection (see <see cref="SqliteAuditInsert"/> for why), in transactions of at most
    /// <see cref="AuditRowsPerTransaction"/> entries, each under the write gate: a unary write waiting for the gate then
    /// waits for one short transaction, not for a whole 20 ms batch of entries.
    /// </summary>
    public async Task<bool> TryAppendAuditAsync(IReadOnlyList<AuditRecord> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        for (int start = 0; start < entries.Count; start += AuditRowsPerTransaction)
        {
            var chunk = start == 0 && entries.Count <= AuditRowsPerTransaction ? entries : entries.Skip(start).Take(AuditRowsPerTransaction).ToList();
            using var gate = await writeGate.EnterAsync(cancellationToken);
            var statements = Writer.SessionStatements;
            statements.Begin();
            try
            {
                Writer.AuditInsert.InsertAll(chunk);
                statements.Commit();
            }
            finally
            {
                statements.Rollback();
            }
        }

        return true;
    }

    private SqliteWriter Writer => writer ??= new SqliteWriter(connectionString, pragmas);

    public void Dispose()
    {
        writer?.Dispose();
        writeGate.Dispose();
    }
}
