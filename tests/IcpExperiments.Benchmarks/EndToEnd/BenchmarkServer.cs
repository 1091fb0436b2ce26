using Google.Protobuf.WellKnownTypes;
using Grpc.Net.Client;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Benchmarks.EndToEnd;

/// <summary>
/// The real server binary (same build configuration as the benchmarks, so Release with <c>-c Release</c>) on a free
/// loopback port and a fresh SQLite file, with a running two-arm experiment to write into.
/// </summary>
public sealed class BenchmarkServer : IAsyncDisposable
{
    public static readonly DateTimeOffset EnrolledAt = DateTimeOffset.UtcNow.AddDays(-120);

    private BenchmarkServer(ServerProcess process, GrpcChannel channel, string experimentName)
    {
        Process = process;
        Channel = channel;
        ExperimentName = experimentName;
    }

    public ServerProcess Process { get; }

    public GrpcChannel Channel { get; }

    public string ExperimentName { get; }

    /// <summary>Starts the server with <paramref name="serverArguments"/> (configuration overrides such as <c>--IcpExperiments:Analysis:LiveMaxStaleness=00:00:05</c>).</summary>
    public static async Task<BenchmarkServer> StartAsync(params string[] serverArguments)
    {
        var process = new ServerProcess(serverArguments);
        await process.StartAsync();
        var channel = process.CreateChannel();
        var profiles = new ProfileService.ProfileServiceClient(channel);
        var profileId = Requests.NewId("bench");
        await profiles.CreateProfileAsync(new CreateProfileRequest { ProfileId = profileId, Profile = new Profile { DisplayName = "Benchmark ICP" }, FirstVersion = Requests.Version(200) });
        await profiles.CreateProfileVersionAsync(new CreateProfileVersionRequest { Parent = $"profiles/{profileId}", Version = Requests.Version(50) });
        var experiments = new ExperimentService.ExperimentServiceClient(channel);
        var created = await experiments.CreateExperimentAsync(new CreateExperimentRequest { ExperimentId = Requests.NewId("bench"), Experiment = Requests.Experiment(profileId) });
        await experiments.StartExperimentAsync(new StartExperimentRequest { Name = created.Experiment.Name });
        return new BenchmarkServer(process, channel, created.Experiment.Name);
    }

    /// <summary>Enrols accounts <c>acct-0000000</c>… through the import stream (setup, not measured).</summary>
    public async Task EnrolAsync(int accounts, int batchSize)
    {
        var batches = Enumerable.Range(0, accounts).Chunk(batchSize).Select((chunk, i) =>
        {
            var request = new ImportOutcomesRequest { BatchId = $"enrol-{i}", Parent = ExperimentName };
            request.Rows.AddRange(chunk.Select(a => new ImportRow { Enrolment = Requests.Enrolment(AccountId(a), a % 2 == 0 ? "control" : "wider", EnrolledAt) }));
            return request;
        });
        var totals = await BatchImporter.SendAsync(new OutcomeService.OutcomeServiceClient(Channel), batches);
        if (totals.Accepted != accounts) throw new InvalidOperationException($"Only {totals.Accepted} of {accounts} enrolments were accepted.");
    }

    public static string AccountId(int index) => $"acct-{index:D7}";

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await Process.DisposeAsync();
    }

    /// <summary>An outcome for account <paramref name="index"/>: a third converted (with ACV), the rest lost.</summary>
    public static Outcome Outcome(int index, string eventPrefix = "evt")
    {
        var at = Timestamp.FromDateTimeOffset(EnrolledAt.AddDays(1 + index % 60));
        return index % 3 == 0
            ? new Outcome { AccountId = AccountId(index), EventId = $"{eventPrefix}-{index:D7}", Converted = new Conversion { ConvertTime = at, Acv = new Google.Type.Money { CurrencyCode = "USD", Units = 12_000 + index % 1000 } }, CycleDays = 30 + index % 90 }
            : new Outcome { AccountId = AccountId(index), EventId = $"{eventPrefix}-{index:D7}", Lost = new Loss { LoseTime = at } };
    }

}
