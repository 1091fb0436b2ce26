#pragma warning disable CA1031
using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Health.V1;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace IcpExperiments.Server.Tests.Reliability;

/// <summary>
/// Thousands of seeded hostile requests (ICPX_HOSTILE_REQUESTS, default 10,000) across every RPC of every service of
/// the real server (<see cref="HostileRpcCatalog"/>): only expected status codes come back (never INTERNAL, UNKNOWN or
/// UNAVAILABLE), well-formed requests on team <c>default</c>'s resources sent with another team's key are all
/// NOT_FOUND, the server stays SERVING, and the data is row-for-row the same afterwards, because every write the
/// generator builds is invalid or foreign (the audit trail gains only entries for failed writes). On both engines: the
/// database decides some answers (a NUL PostgreSQL cannot store, its error codes), so each is attacked.
/// </summary>
public abstract class HostileInputTests(ITestOutputHelper output, StorageEngine engine) : IAsyncLifetime
{
    private const int Concurrency = 16;
    private const StatusCode NoStatus = (StatusCode)(-1);
    private static readonly StatusCode[] Expected =
    [
        StatusCode.OK, StatusCode.InvalidArgument, StatusCode.NotFound, StatusCode.AlreadyExists, StatusCode.FailedPrecondition,
        StatusCode.Aborted, StatusCode.OutOfRange, StatusCode.ResourceExhausted, StatusCode.Unimplemented,
    ];

    private const string AuditTable = "audit_entries";
    private readonly ServerFixture fixture = ServerFixture.For(engine);

    public Task InitializeAsync() => fixture.InitializeAsync();

    public Task DisposeAsync() => fixture.DisposeAsync();

    [Fact]
    public async Task EveryRpc_HostileRequests_OnlyExpectedCodesServerUpDatabaseUnchanged()
    {
        var world = await HostileWorld.CreateAsync(fixture);
        var rpcs = HostileRpcCatalog.All(world);
        var generator = new HostileRequestGenerator(rpcs, ReliabilitySettings.Seed);
        // Drawn lazily (Parallel.ForEachAsync takes items one at a time), so the same seed gives the same requests.
        var requests = Enumerable.Range(0, ReliabilitySettings.HostileRequests).Select(_ => generator.Next());
        var digestBefore = await DigestOfDataAsync();
        var auditedSuccessesBefore = await AuditedSuccessesAsync();
        var tally = new ConcurrentDictionary<(string Kind, StatusCode Code), int>();
        var perRpc = new ConcurrentDictionary<string, int>();
        var unexpected = new ConcurrentBag<string>();

        using var admin = new RawGrpcClient(fixture.Server.Address);
        using var foreign = new RawGrpcClient(fixture.Server.Address, world.ForeignKeySecret);
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (request, token) =>
        {
            var code = await SendAsync(request.CrossTeam ? foreign : admin, request, unexpected, token);
            tally.AddOrUpdate((request.Kind, code), 1, (_, n) => n + 1);
            perRpc.AddOrUpdate(request.Path, 1, (_, n) => n + 1);
            if (code != NoStatus && !IsExpected(request, code)) unexpected.Add($"{request.Path} [{request.Kind}] -> {code}");
        });

        Report(tally);
        Assert.True(unexpected.IsEmpty, $"{unexpected.Count} unexpected statuses, e.g.:\n{string.Join("\n", unexpected.Distinct().Take(20))}");
        Assert.All(rpcs, rpc => Assert.True(perRpc.ContainsKey(rpc.Path), $"{rpc.Path} was never called"));
        Assert.Contains(tally.Keys, k => k.Kind == HostileRequestGenerator.CrossTeamKind);
        var health = await new Health.HealthClient(fixture.Channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.Equal(digestBefore, await DigestOfDataAsync());
        Assert.Equal(auditedSuccessesBefore, await AuditedSuccessesAsync());
    }

    /// <summary>Cross-team requests must get exactly their code (NOT_FOUND but for creates); a watch may also end at its deadline.</summary>
    private static bool IsExpected(HostileRequestGenerator.HostileRequest request, StatusCode code) =>
        request.CrossTeam ? code == request.CrossTeamCode
        : Expected.Contains(code) || (request.Deadline is not null && code == StatusCode.DeadlineExceeded);

    private static async Task<StatusCode> SendAsync(RawGrpcClient client, HostileRequestGenerator.HostileRequest request, ConcurrentBag<string> unexpected, CancellationToken token)
    {
        try
        {
            return await client.CallAsync(request.Path, request.Body, request.Deadline, token);
        }
        catch (Exception exception) when (!token.IsCancellationRequested)
        {
            // No status at all (e.g. trailers too large for a client to read) is a failure like INTERNAL.
            unexpected.Add($"{request.Path} [{request.Kind}] -> no status: {exception.InnerException?.InnerException?.Message ?? exception.Message}");
            return NoStatus;
        }
    }

    // The audit trail records every write attempt with its status, rejected ones included, so it is compared apart.
    private Task<string> DigestOfDataAsync() =>
        fixture.Server.PostgresConnectionString is { } postgres
            ? PostgresDatabase.DigestAsync(postgres, AuditTable)
            : Task.FromResult(SqliteFile.Digest(fixture.Server.DatabasePath, AuditTable));

    /// <summary>Audited writes that succeeded; an import whose every row was rejected is still an OK stream, so imports are left out.</summary>
    /// <remarks>
    /// The audit trail stores entries off the request path, gathered for a few milliseconds; ListAuditEntries flushes it
    /// first, so the count includes every write made so far (without it the world's last entries could land after the
    /// first count and look like a hostile request that succeeded).
    /// </remarks>
    private async Task<long> AuditedSuccessesAsync()
    {
        await new AdminService.AdminServiceClient(fixture.Channel).ListAuditEntriesAsync(new ListAuditEntriesRequest { PageSize = 1 });
        return await ServerDatabase.CountAsync(fixture.Server, $"SELECT COUNT(*) FROM {AuditTable} WHERE status_code IN ('OK', '0') AND method NOT LIKE '%ImportOutcomes'");
    }

    private void Report(ConcurrentDictionary<(string Kind, StatusCode Code), int> tally)
    {
        output.WriteLine($"{engine}: seed {ReliabilitySettings.Seed}, {tally.Values.Sum():N0} hostile requests");
        foreach (var byCode in tally.GroupBy(t => t.Key.Code).OrderByDescending(g => g.Sum(t => t.Value)))
            output.WriteLine($"{(byCode.Key == NoStatus ? "NO STATUS" : byCode.Key.ToString()),-20} {byCode.Sum(t => t.Value),7:N0}   ({string.Join(", ", byCode.OrderByDescending(t => t.Value).Select(t => $"{t.Key.Kind} {t.Value}"))})");
    }

    public sealed class OnSqlite(ITestOutputHelper output) : HostileInputTests(output, StorageEngine.Sqlite);

    public sealed class OnPostgres(ITestOutputHelper output) : HostileInputTests(output, StorageEngine.Postgres);
}
