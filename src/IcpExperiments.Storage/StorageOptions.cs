namespace IcpExperiments.Storage;

/// <summary>
/// Storage settings, bound from the <c>IcpExperiments:Storage</c> section (environment: <c>IcpExperiments__Storage__DatabasePath</c>)
/// and validated at start-up by <see cref="StorageOptionsValidator"/>.
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "IcpExperiments:Storage";
    public const string SqliteProvider = "sqlite";
    public const string PostgresProvider = "postgres";
    public const string DefaultDatabasePath = "data/icp-experiments.db";
    public const string SynchronousNormal = "normal";
    public const string SynchronousFull = "full";
    public const int DefaultBusyTimeoutMilliseconds = 5_000;

    /// <summary>
    /// Database engine: <c>sqlite</c> (default, one file) or <c>postgres</c> (needs <see cref="ConnectionString"/> and the
    /// IcpExperiments.Storage.Postgres registration, which the server has).
    /// </summary>
    public string Provider { get; set; } = SqliteProvider;

    /// <summary>
    /// Npgsql connection string for <c>postgres</c> (environment: <c>IcpExperiments__Storage__ConnectionString</c>), e.g.
    /// <c>Host=db;Port=5432;Database=icpx;Username=icpx;Password=...</c>. The database is created if missing. Unused by SQLite.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// SQLite file; relative paths are resolved against the current directory, whose missing folders are created. With
    /// PostgreSQL only its folder is used (for the generated bootstrap admin key).
    /// </summary>
    public string DatabasePath { get; set; } = DefaultDatabasePath;

    /// <summary>
    /// SQLite <c>synchronous</c> level in WAL mode. <c>normal</c> (default): a committed write survives a crash of the
    /// process, but an OS crash or power loss may roll back the last commits (never corrupts the file); it saves one
    /// fsync per commit, which is what keeps unary writes fast. <c>full</c>: every commit also survives power loss.
    /// </summary>
    public string Synchronous { get; set; } = SynchronousNormal;

    /// <summary>How long a connection waits for another process's write lock, in milliseconds (0–600,000).</summary>
    public int BusyTimeoutMilliseconds { get; set; } = DefaultBusyTimeoutMilliseconds;

    /// <summary>The database path made absolute.</summary>
    public string FullDatabasePath => Path.GetFullPath(DatabasePath);

    /// <summary>True when <see cref="Provider"/> names PostgreSQL.</summary>
    public bool IsPostgres => string.Equals(Provider, PostgresProvider, StringComparison.OrdinalIgnoreCase);

    /// <summary>Where the data lives, for logs: the SQLite file, or the PostgreSQL connection string without its password.</summary>
    public string Location
    {
        get
        {
            if (!IsPostgres) return FullDatabasePath;
            var builder = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = ConnectionString ?? "" };
            builder.Remove("Password");
            return builder.ConnectionString;
        }
    }
}
