using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;
using Domain = IcpExperiments.Core.Analysis;

namespace IcpExperiments.Server.Tests.Analysis;

/// <summary>
/// A seeded set of accounts for the wider-head-count experiment of <see cref="Requests.Experiment"/>: each enrolled
/// between 60 and 30 days ago, then won (with an ACV), lost, or still open. Imports itself through the real API and
/// feeds the same accounts to the engine's <see cref="Domain.SnapshotBuilder"/>, so a test can compare the server's
/// results with the engine's on identical data.
/// </summary>
internal sealed class SeededOutcomes
{
    private readonly List<(string Account, string Arm, DateTimeOffset EnrolledAt, Outcome? Outcome)> accounts = [];

    public SeededOutcomes(int count, int seed, DateTimeOffset now, double controlRate = 0.2, double widerRate = 0.3, string prefix = "acct")
    {
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            var arm = i % 2 == 0 ? "control" : "wider";
            var id = $"{prefix}-{i}";
            var enrolledAt = now.AddDays(-60 + random.NextDouble() * 30);
            double u = random.NextDouble();
            var closeAt = enrolledAt.AddDays(1 + random.NextDouble() * 25);
            Outcome? outcome = u < (arm == "control" ? controlRate : widerRate)
                ? Requests.Converted(id, closeAt, 5_000 + random.Next(0, 40_000))
                : u > 0.8 ? Requests.Lost(id, closeAt) : null;
            accounts.Add((id, arm, enrolledAt, outcome));
        }
    }

    /// <summary>Imports every account (and its outcome) in one batch of the ImportOutcomes stream.</summary>
    public async Task ImportAsync(ServerFixture fixture, string experimentName, string batchId = "seed")
    {
        var request = new ImportOutcomesRequest { BatchId = batchId, Parent = experimentName };
        foreach (var (account, arm, enrolledAt, outcome) in accounts)
        {
            request.Rows.Add(new ImportRow { Enrolment = Requests.Enrolment(account, arm, enrolledAt) });
            if (outcome is not null) request.Rows.Add(new ImportRow { Outcome = outcome });
        }

        using var import = fixture.Outcomes.ImportOutcomes();
        await import.RequestStream.WriteAsync(request);
        Assert.True(await import.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Empty(import.ResponseStream.Current.RejectedRows);
        await import.RequestStream.CompleteAsync();
        Assert.False(await import.ResponseStream.MoveNext(CancellationToken.None));
    }

    /// <summary>The engine's snapshot of the same accounts, with <paramref name="spendPerArm"/> USD of spend on each arm.</summary>
    public Domain.ExperimentSnapshot Snapshot(Core.Experiments.ExperimentDesign design, DateTimeOffset asOf, decimal spendPerArm)
    {
        var builder = new Domain.SnapshotBuilder(design, asOf);
        foreach (var arm in design.Arms) builder.AddSpend(arm.Key, new Core.Campaigns.Money("USD", spendPerArm));
        foreach (var (_, arm, enrolledAt, outcome) in accounts)
        {
            var observation = outcome switch
            {
                { Converted: { } won } => new Domain.AccountObservation(enrolledAt, Core.Outcomes.OutcomeKind.Converted, won.ConvertTime.ToDateTimeOffset(), won.Acv.Units),
                { Lost: { } lost } => new Domain.AccountObservation(enrolledAt, Core.Outcomes.OutcomeKind.Lost, lost.LoseTime.ToDateTimeOffset()),
                _ => new Domain.AccountObservation(enrolledAt),
            };
            builder.AddAccount(arm, observation, "USD");
        }

        return builder.Build();
    }
}
