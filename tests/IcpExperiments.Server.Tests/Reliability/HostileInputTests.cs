#pragma warning disable CA1031
using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Health.V1;
using IcpExperiments.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace IcpExperiments.Server.Tests.Reliability;

/// <summary>
/// Thousands of seeded hostile requests (ICPX_HOSTILE_REQUESTS, default 10,000) across every RPC of the real server:
/// only expected status codes come back (never INTERNAL, UNKNOWN or UNAVAILABLE), the server stays SERVING, and the
/// data is row-for-row the same afterwards, because every write the generator builds is invalid (the audit trail
/// gains only entries for failed writes).
/// </summary>
public sealed class HostileInputTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Concurrency = 16;
    private static readonly StatusCode[] Expected =
    [
        StatusCode.OK, StatusCode.InvalidArgument, StatusCode.NotFound, StatusCode.AlreadyExists, StatusCode.FailedPrecondition,
        StatusCode.Aborted, StatusCode.OutOfRange, StatusCode.ResourceExhausted, StatusCode.Unimplemented,
    ];

    private const string AuditTable = "audit_entries";
    private readonly ServerFixture fixture = new();

    public Task InitializeAsync() => fixture.InitializeAsync();

    public Task DisposeAsync() => fixture.DisposeAsync();

    [Fact]
    public async Task EveryRpc_HostileRequests_OnlyExpectedCodesServerUpDatabaseUnchanged()
    {
        var world = await HostileWorld.CreateAsync(fixture);
        var rpcs = HostileProfileRpcs.All(world).Concat(HostileExperimentRpcs.All(world)).Concat(HostileOutcomeRpcs.All(world)).ToList();
        var generator = new HostileRequestGenerator(rpcs, ReliabilitySettings.Seed);
        // Drawn lazily (Parallel.ForEachAsync takes items one at a time), so the same seed gives the same requests.
        var requests = Enumerable.Range(0, ReliabilitySettings.HostileRequests).Select(_ => generator.Next());
        var digestBefore = DigestOfData();
        var auditedSuccessesBefore = AuditedSuccesses();
        var tally = new ConcurrentDictionary<(string Kind, StatusCode Code), int>();
        var unexpected = new ConcurrentBag<string>();

        using var raw = new RawGrpcClient(fixture.Server.Address);
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (request, token) =>
        {
            StatusCode? code;
            try
            {
                code = await raw.CallAsync(request.Path, request.Body, token);
            }
            catch (Exception exception) when (!token.IsCancellationRequested)
            {
                // No status at all (e.g. trailers too large for a client to read) is a failure like INTERNAL.
                code = null;
                unexpected.Add($"{request.Path} [{request.Kind}] -> no status: {exception.InnerException?.InnerException?.Message ?? exception.Message}");
            }

            tally.AddOrUpdate((request.Kind, code ?? (StatusCode)(-1)), 1, (_, n) => n + 1);
            if (code is not null && !Expected.Contains(code.Value)) unexpected.Add($"{request.Path} [{request.Kind}] -> {code}");
        });

        Report(tally);
        Assert.True(unexpected.IsEmpty, $"{unexpected.Count} unexpected statuses, e.g.:\n{string.Join("\n", unexpected.Distinct().Take(20))}");
        var health = await new Health.HealthClient(fixture.Channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.Equal(digestBefore, DigestOfData());
        Assert.Equal(auditedSuccessesBefore, AuditedSuccesses());
    }

    // The audit trail records every write attempt with its status, rejected ones included, so it is compared apart.
    private string DigestOfData() => SqliteFile.Digest(fixture.Server.DatabasePath, AuditTable);

    /// <summary>Audited writes that succeeded; an import whose every row was rejected is still an OK stream, so imports are left out.</summary>
    private long AuditedSuccesses() =>
        SqliteFile.Count(fixture.Server.DatabasePath, $"SELECT COUNT(*) FROM {AuditTable} WHERE status_code IN ('OK', '0') AND method NOT LIKE '%ImportOutcomes'");

    private void Report(ConcurrentDictionary<(string Kind, StatusCode Code), int> tally)
    {
        output.WriteLine($"seed {ReliabilitySettings.Seed}, {tally.Values.Sum():N0} hostile requests");
        foreach (var byCode in tally.GroupBy(t => t.Key.Code).OrderByDescending(g => g.Sum(t => t.Value)))
            output.WriteLine($"{(byCode.Key == (StatusCode)(-1) ? "NO STATUS" : byCode.Key.ToString()),-20} {byCode.Sum(t => t.Value),7:N0}   ({string.Join(", ", byCode.OrderByDescending(t => t.Value).Select(t => $"{t.Key.Kind} {t.Value}"))})");
    }
}
