using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;
using IcpExperiments.Server.Tests.Security;
using Microsoft.IdentityModel.Tokens;

namespace IcpExperiments.Benchmarks.EndToEnd;

/// <summary>
/// A JWT caller's cheapest authenticated read (ListProfiles of an empty team) at 32 concurrent callers, on a server that
/// validates every token (<c>ValidationCacheSeconds=0</c>) against one that remembers admitted tokens (the default), in
/// alternating phases. One RS256 token per caller, as 32 dashboard sessions would hold. Options: --seconds S (8 per
/// phase), --repeat R (2).
/// </summary>
public sealed class JwtAuthBenchmark : IBenchmark
{
    private const int Concurrency = 32;

    public string Name => "jwt-auth";

    public string Description => "ListProfiles calls/s and server CPU per call for JWT callers: every token validated vs. admitted tokens remembered";

    public async Task RunAsync(string[] args)
    {
        var duration = TimeSpan.FromSeconds(BenchmarkArgs.Option(args, "--seconds", 8));
        int repeat = Math.Max(1, BenchmarkArgs.Option(args, "--repeat", 2));
        await using var uncached = await StartAsync("--IcpExperiments:Auth:Jwt:ValidationCacheSeconds=0");
        await using var cached = await StartAsync();
        var team = Requests.NewId("jwt-bench");
        // RS256, as SSO providers sign (an HMAC check costs far less than an RSA signature check).
        var tokens = Enumerable.Range(0, Concurrency)
            .Select(_ => JwtTestTokens.Mint(JwtTestTokens.NewSubject(), team, ["viewer"], d => d.SigningCredentials = new SigningCredentials(JwtTestTokens.RsaKey, SecurityAlgorithms.RsaSha256)))
            .ToArray();
        var phases = new[] { ("every token validated", uncached), ("admitted tokens remembered", cached) };
        var clients = phases.ToDictionary(p => p.Item1, p => tokens.Select(t => new ProfileService.ProfileServiceClient(p.Item2.CreateChannel(t))).ToArray());
        foreach (var (name, _) in phases)
            await LatencyRun.RunAsync("warm-up", Concurrency, TimeSpan.FromSeconds(4), (worker, _) => clients[name][worker].ListProfilesAsync(new ListProfilesRequest()).ResponseAsync);

        Console.WriteLine($"concurrency={Concurrency} duration={duration.TotalSeconds:N0} s per phase, {repeat} rounds, RS256 tokens, one per caller");
        for (int round = 1; round <= repeat; round++)
        {
            var results = new List<LatencyRun.Result>();
            foreach (var (name, server) in phases)
            {
                var cpu = CpuMeter.For(server.ProcessId ?? throw new InvalidOperationException("The server is not running."));
                var result = await LatencyRun.RunAsync(name, Concurrency, duration, (worker, _) => clients[name][worker].ListProfilesAsync(new ListProfilesRequest()).ResponseAsync);
                Console.WriteLine($"{result}   CPU/call server {cpu.MicrosecondsPerCall(result.Calls).Server,5:F0} µs");
                results.Add(result);
            }

            Console.WriteLine($"round {round}: remembered / validated {results[1].CallsPerSecond / results[0].CallsPerSecond:F2}");
        }
    }

    private static async Task<ServerProcess> StartAsync(params string[] extra)
    {
        var server = new ServerProcess([.. JwtTestTokens.ServerArguments, "--IcpExperiments:RateLimit:PermitsPerSecond=0", .. extra]);
        await server.StartAsync();
        return server;
    }
}
