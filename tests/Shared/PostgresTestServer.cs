using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace IcpExperiments.Testing;

/// <summary>
/// The PostgreSQL server the tests use, one per test process: the one named by <c>ICPX_TEST_POSTGRES</c> (a connection
/// string to a server where the tests may create databases), otherwise a throw-away server started here from Debian's
/// binaries (initdb and pg_ctl, as the <c>postgres</c> user when running as root, which initdb refuses) in a temp folder
/// on a free loopback port, stopped when the process exits. Every caller gets its own fresh database.
/// </summary>
internal sealed class PostgresTestServer
{
    public const string EnvironmentVariable = "ICPX_TEST_POSTGRES";

    private static readonly Lazy<Task<PostgresTestServer>> Shared = new(StartAsync);
    private readonly string adminConnectionString;
    private readonly bool external;

    private PostgresTestServer(string adminConnectionString, bool external)
    {
        this.adminConnectionString = adminConnectionString;
        this.external = external;
    }

    public static Task<PostgresTestServer> GetAsync() => Shared.Value;

    /// <summary>Creates an empty database with a random name (or a copy of <paramref name="template"/>) and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? template = null)
    {
        var name = "icpx_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync($"CREATE DATABASE {name}" + (template is null ? "" : $" TEMPLATE {template}"));
        return new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Drops the database of <paramref name="connectionString"/>, closing its connections first.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using (var connection = new NpgsqlConnection(connectionString)) NpgsqlConnection.ClearPool(connection);
        await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    /// <summary>Drops a database that outlives its tests (a template) when the process exits; a local server goes as a whole.</summary>
    public void DropAtExit(string connectionString)
    {
        if (!external) return;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                DropDatabaseAsync(connectionString).GetAwaiter().GetResult();
            }
            catch (NpgsqlException)
            {
                // The server may be gone already; a leftover database there is harmless.
            }
        };
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<PostgresTestServer> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured)) return new PostgresTestServer(configured, external: true);
        var local = await LocalServer.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => local.Stop();
        return new PostgresTestServer(local.ConnectionString, external: false);
    }

    /// <summary>A server of this process's own: data folder, socket and log in one temp folder, deleted on stop.</summary>
    private sealed class LocalServer
    {
        private const string FolderPrefix = "icpx-pg-";
        private readonly string folder;
        private readonly string binaries;

        private LocalServer(string folder, string binaries, int port)
        {
            this.folder = folder;
            this.binaries = binaries;
            ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=20";
        }

        public string ConnectionString { get; }

        private string DataFolder => Path.Combine(folder, "data");

        public static async Task<LocalServer> StartAsync()
        {
            var binaries = FindBinaries();
            DeleteAbandonedFolders();
            var folder = Directory.CreateTempSubdirectory(FolderPrefix).FullName;
            var server = new LocalServer(folder, binaries, FreePort());
            if (Environment.UserName == "root") await RunAsync("chown", "-R", "postgres:postgres", folder);
            var port = new NpgsqlConnectionStringBuilder(server.ConnectionString).Port;
            await server.RunAsPostgresAsync("initdb", "-D", server.DataFolder, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync");
            // Durability of the test server itself is not under test (the tests kill our processes, never PostgreSQL),
            // so it skips fsync: database creation and commits are then much faster.
            await server.RunAsPostgresAsync("pg_ctl", "-D", server.DataFolder, "-l", Path.Combine(folder, "server.log"), "-w", "-o",
                $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=300", "start");
            return server;
        }

        public void Stop()
        {
            try
            {
                RunAsPostgresAsync("pg_ctl", "-D", DataFolder, "-m", "immediate", "stop").GetAwaiter().GetResult();
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception error) when (error is IOException or InvalidOperationException or UnauthorizedAccessException)
            {
                // A server already gone or a folder left behind must not fail the test run at exit.
            }
        }

        private Task RunAsPostgresAsync(string tool, params string[] arguments)
        {
            var path = Path.Combine(binaries, tool);
            return Environment.UserName == "root" ? RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments]) : RunAsync(path, arguments);
        }

        /// <summary>Folders of earlier runs (over an hour old) whose server is no longer running (a test process killed before it could clean up).</summary>
        private static void DeleteAbandonedFolders()
        {
            foreach (var stale in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
            {
                var pidFile = Path.Combine(stale, "data", "postmaster.pid");
                try
                {
                    // A folder without a running server may be another test process's server being initialized: only old ones go.
                    if (Directory.GetCreationTimeUtc(stale) > DateTime.UtcNow.AddHours(-1)) continue;
                    if (File.Exists(pidFile) && Directory.Exists($"/proc/{File.ReadLines(pidFile).First().Trim()}")) continue;
                    Directory.Delete(stale, recursive: true);
                }
                catch (Exception error) when (error is IOException or UnauthorizedAccessException or InvalidOperationException)
                {
                    // Another test process may be starting its server there right now; leave it.
                }
            }
        }

        private static string FindBinaries()
        {
            var root = "/usr/lib/postgresql";
            var found = Directory.Exists(root)
                ? Directory.GetDirectories(root).Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                    .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var major) ? major : 0).FirstOrDefault()
                : null;
            return found ?? throw new InvalidOperationException(
                $"The PostgreSQL tests need a server: install Debian's PostgreSQL (`apt-get install -y postgresql`, which puts initdb and pg_ctl in " +
                $"{root}/<version>/bin), or set {EnvironmentVariable} to the connection string of a server where the tests may create databases.");
        }

        private static async Task RunAsync(string fileName, params string[] arguments)
        {
            // A folder every user may enter: initdb run as postgres fails in a working directory it cannot read.
            var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetTempPath() };
            foreach (var argument in arguments) start.ArgumentList.Add(argument);
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}");
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
