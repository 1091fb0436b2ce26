using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests.Recommendations;

/// <summary>
/// Seeded generator of a finished campaign with known truth, as import rows for the real ImportOutcomes stream. Each
/// arm gets exactly its number of accounts (so an SRM-broken experiment is made by unequal counts), enrolled uniformly
/// over 20 days ending 200 days ago, so every 180-day observation window is complete. An account converts with its
/// arm's true rate (close-won 5-120 days after enrolment); of the others, half are lost and half stay open.
/// </summary>
public static class SyntheticCampaign
{
    private const int EnrolmentDays = 20;
    private const int DaysBeforeNow = 200;

    /// <summary>One arm's truth: its key, how many accounts it gets and their true conversion rate in (0, 1).</summary>
    public sealed record TrueArm(string Key, int Accounts, double ConversionRate);

    public static IReadOnlyList<ImportRow> Rows(int seed, DateTimeOffset now, params TrueArm[] arms)
    {
        ArgumentNullException.ThrowIfNull(arms);
        var random = new Random(seed);
        var start = now.AddDays(-DaysBeforeNow - EnrolmentDays);
        var rows = new List<ImportRow>();
        foreach (var arm in arms)
        {
            for (int i = 0; i < arm.Accounts; i++)
            {
                string account = $"{arm.Key}-{i:D5}";
                var enrolled = start.AddDays(random.NextDouble() * EnrolmentDays);
                rows.Add(new ImportRow { Enrolment = Requests.Enrolment(account, arm.Key, enrolled) });
                double u = random.NextDouble();
                if (u < arm.ConversionRate)
                    rows.Add(new ImportRow { Outcome = Requests.Converted(account, enrolled.AddDays(5 + random.NextDouble() * 115), 20_000 + random.Next(0, 10_000)) });
                else if (random.NextDouble() < 0.5)
                    rows.Add(new ImportRow { Outcome = Requests.Lost(account, enrolled.AddDays(1 + random.NextDouble() * 150)) });
            }
        }

        return rows;
    }

    /// <summary>Sends the rows through the ImportOutcomes stream in batches and fails unless every row is accepted.</summary>
    public static async Task ImportAsync(OutcomeService.OutcomeServiceClient outcomes, string experimentName, IReadOnlyList<ImportRow> rows)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(rows);
        using var import = outcomes.ImportOutcomes();
        var batches = rows.Chunk(5_000).ToList();
        for (int b = 0; b < batches.Count; b++)
        {
            var request = new ImportOutcomesRequest { BatchId = $"batch-{b}", Parent = experimentName };
            request.Rows.AddRange(batches[b]);
            await import.RequestStream.WriteAsync(request);
        }

        await import.RequestStream.CompleteAsync();
        int accepted = 0;
        while (await import.ResponseStream.MoveNext(CancellationToken.None))
        {
            var ack = import.ResponseStream.Current;
            Assert.Empty(ack.RejectedRows);
            accepted += ack.AcceptedCount;
        }

        Assert.Equal(rows.Count, accepted);
    }
}
