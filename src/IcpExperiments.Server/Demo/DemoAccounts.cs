using System.Globalization;
using IcpExperiments.Core.Accounts;
using IcpExperiments.Core.Campaigns;
using IcpExperiments.Core.Enrolments;
using IcpExperiments.Core.Outcomes;

namespace IcpExperiments.Server.Demo;

/// <summary>
/// Generates the demo's accounts, enrolments and outcomes from a seeded generator: the same seed gives the same data.
/// Accounts in the variant's extra range (50-199 employees) convert a little less often and at a lower ACV, so the
/// demo shows a realistic trade-off rather than a clean win.
/// </summary>
public sealed class DemoAccounts(int seed, DateTimeOffset now, int enrolmentDays)
{
    private static readonly string[] Industries = ["saas", "fintech", "martech"];
    private static readonly string[] Regions = ["north_america", "north_america", "uk", "dach"];
    private static readonly string[] Stages = ["seed", "series_a", "series_b", "series_c", "public"];
    private static readonly string[] Tools = ["salesforce", "hubspot", "snowflake", "segment", "gong", "outreach"];

    private readonly Random random = new(seed);

    /// <summary>Rows for one account: its enrolment, then its outcome when the deal has closed by now.</summary>
    public IEnumerable<ImportRow> RowsFor(int index)
    {
        var accountId = $"acct-{index.ToString("D6", CultureInfo.InvariantCulture)}";
        var variant = random.NextDouble() < 0.5;
        var employees = variant && random.NextDouble() < 0.45 ? random.Next(50, 200) : random.Next(200, 1001);
        var enrolledAt = now.AddDays(-enrolmentDays * random.NextDouble()).AddMinutes(-5);
        var arm = variant ? DemoDesign.VariantKey : DemoDesign.ControlKey;
        var campaign = $"{(variant ? "variant" : "control")}-{(random.NextDouble() < 0.6 ? "email" : "outbound")}";
        var attributes = new AccountAttributes(
            Pick(Industries), employees, Pick(Regions), employees * (60_000 + (random.NextDouble() * 140_000)), Pick(Stages),
            Tools.Where(_ => random.NextDouble() < 0.35).ToList(),
            new Dictionary<string, string> { ["uses_salesforce"] = random.NextDouble() < 0.5 ? "true" : "false" });
        yield return new ImportRow(new Enrolment(DemoDesign.ExperimentId, $"enrol-{accountId}", new Account(accountId, attributes), arm, campaign, enrolledAt), null);

        var small = employees < 200;
        var cycleDays = 20 + (random.NextDouble() * (small ? 60 : 100));
        var closedAt = enrolledAt.AddDays(cycleDays);
        if (closedAt > now.AddMinutes(-1)) yield break;
        var draw = random.NextDouble();
        if (draw < (small ? 0.10 : 0.13))
        {
            var acv = decimal.Round((decimal)((small ? 14_000 : 32_000) * Math.Exp(0.5 * Normal())), 2);
            yield return new ImportRow(null, new OutcomeEvent($"won-{accountId}", accountId, OutcomeKind.Converted, closedAt, new Money("USD", acv), Math.Round(cycleDays)));
        }
        else if (draw < 0.45)
        {
            yield return new ImportRow(null, new OutcomeEvent($"lost-{accountId}", accountId, OutcomeKind.Lost, closedAt, null, null));
        }
    }

    private string Pick(string[] values) => values[random.Next(values.Length)];

    // Box-Muller: one standard normal draw from two uniforms.
    private double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
