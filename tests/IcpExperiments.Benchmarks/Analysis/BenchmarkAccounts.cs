using Google.Protobuf.WellKnownTypes;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Core.Analysis;
using IcpExperiments.Server.Tests.Infrastructure;
using Domain = IcpExperiments.Core;

namespace IcpExperiments.Benchmarks.Analysis;

/// <summary>
/// Seeded, realistic accounts of a two-arm experiment: enrolled uniformly over 90 days ending 60 days ago; 12% (control)
/// or 14% (variant) win after an exponential cycle of mean 45 days with a log-normal ACV (median ≈ 18k USD, whole
/// units, so ties occur); 30% are lost at a uniform time; outcomes not yet due are left open (censored). Yields the
/// import batches for the server and the engine's snapshot of the very same accounts (for the SciPy run).
/// </summary>
public sealed class BenchmarkAccounts
{
    private readonly DateTimeOffset now;
    private readonly (int Arm, DateTimeOffset EnrolledAt, Domain.Outcomes.OutcomeKind? Kind, DateTimeOffset At, long Acv)[] accounts;

    public BenchmarkAccounts(int count, int seed, DateTimeOffset now)
    {
        this.now = now;
        var random = new Random(seed);
        accounts = new (int, DateTimeOffset, Domain.Outcomes.OutcomeKind?, DateTimeOffset, long)[count];
        for (int i = 0; i < count; i++)
        {
            int arm = i % 2;
            var enrolledAt = now.AddDays(-150 + random.NextDouble() * 90);
            double u = random.NextDouble();
            Domain.Outcomes.OutcomeKind? kind = null;
            var at = enrolledAt;
            long acv = 0;
            if (u < (arm == 0 ? 0.12 : 0.14))
            {
                kind = Domain.Outcomes.OutcomeKind.Converted;
                at = enrolledAt.AddDays(-45 * Math.Log(1 - random.NextDouble()));
                acv = (long)Math.Round(Math.Exp(Math.Log(18_000) + 0.7 * Gaussian(random)));
            }
            else if (u < 0.42)
            {
                kind = Domain.Outcomes.OutcomeKind.Lost;
                at = enrolledAt.AddDays(1 + random.NextDouble() * 119);
            }

            if (at > now.AddHours(-1)) kind = null;
            accounts[i] = (arm, enrolledAt, kind, at, Math.Max(acv, 1));
        }
    }

    public int Count => accounts.Length;

    public static string ArmKey(int arm) => arm == 0 ? "control" : "wider";

    /// <summary>Enrolments and outcomes in import batches of <paramref name="batchSize"/> rows.</summary>
    public IEnumerable<ImportOutcomesRequest> Batches(string experimentName, int batchSize)
    {
        var batch = new ImportOutcomesRequest { BatchId = "b-0", Parent = experimentName };
        int batches = 0;
        for (int i = 0; i < accounts.Length; i++)
        {
            var (arm, enrolledAt, kind, at, acv) = accounts[i];
            var id = $"acct-{i:D7}";
            batch.Rows.Add(new ImportRow { Enrolment = Requests.Enrolment(id, ArmKey(arm), enrolledAt) });
            if (kind == Domain.Outcomes.OutcomeKind.Converted)
                batch.Rows.Add(new ImportRow { Outcome = new Outcome { AccountId = id, EventId = $"won-{i}", Converted = new Conversion { ConvertTime = Timestamp.FromDateTimeOffset(at), Acv = new Google.Type.Money { CurrencyCode = "USD", Units = acv } } } });
            else if (kind == Domain.Outcomes.OutcomeKind.Lost)
                batch.Rows.Add(new ImportRow { Outcome = new Outcome { AccountId = id, EventId = $"lost-{i}", Lost = new Loss { LoseTime = Timestamp.FromDateTimeOffset(at) } } });
            if (batch.Rows.Count < batchSize - 1) continue;
            yield return batch;
            batch = new ImportOutcomesRequest { BatchId = $"b-{++batches}", Parent = experimentName };
        }

        if (batch.Rows.Count > 0) yield return batch;
    }

    /// <summary>The engine's snapshot of these accounts as of <paramref name="asOf"/> (what the server analyses).</summary>
    public ExperimentSnapshot Snapshot(Domain.Experiments.ExperimentDesign design, DateTimeOffset asOf)
    {
        var builder = new SnapshotBuilder(design, asOf);
        foreach (var (arm, enrolledAt, kind, at, acv) in accounts)
        {
            var observation = kind is { } k ? new AccountObservation(enrolledAt, k, at, k == Domain.Outcomes.OutcomeKind.Converted ? acv : null) : new AccountObservation(enrolledAt);
            builder.AddAccount(ArmKey(arm), observation, "USD");
        }

        return builder.Build();
    }

    /// <summary>
    /// Writes each arm's columns for the SciPy script: per arm an int32 count, then status bytes (0 open, 1 won,
    /// 2 lost), days (float64) and ACV (float64, NaN unless won).
    /// </summary>
    public static void Dump(ExperimentSnapshot snapshot, string path)
    {
        using var writer = new BinaryWriter(File.Create(path));
        foreach (var arm in snapshot.Arms)
        {
            writer.Write(arm.Count);
            foreach (var status in arm.Status) writer.Write((byte)status);
            foreach (var days in arm.Days) writer.Write(days);
            foreach (var acv in arm.Acv) writer.Write(acv);
        }
    }

    public DateTimeOffset Now => now;

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
