#pragma warning disable CA1861 // Each hostile request draws from small literal lists; clarity beats saving the allocation here.
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;
using static IcpExperiments.Server.Tests.Reliability.HostileValues;

namespace IcpExperiments.Server.Tests.Reliability;

/// <summary>Hostile requests for every OutcomeService RPC, the import stream included (each batch broken, or every row in it).</summary>
public static class HostileOutcomeRpcs
{
    private const string Service = "/icp_experiments.v1.OutcomeService/";

    public static IEnumerable<HostileRpc> All(HostileWorld world) =>
    [
        HostileRpc.Unary<RecordOutcomeRequest>(Service + "RecordOutcome",
            () => new() { Parent = world.Running.Name, Outcome = ValidOutcome(world) },
            [
                (m, r) => m.Parent = MalformedName(r),
                (m, _) => m.Parent = world.Draft.Name,
                (m, _) => m.Parent = "experiments/no-such-experiment",
                (m, r) => BreakOutcome(m.Outcome, world, r),
                (m, _) => m.Outcome = null,
            ],
            [(m, r) => m.Outcome.CycleDays = AnyInt(r), (m, r) => m.Outcome.Name = AnyString(r), (m, r) => m.Outcome.CreateTime = Timestamp(r)]),
        new(Service + "ImportOutcomes", random => Enumerable.Range(0, 1 + random.Next(3)).Select(_ => HostileBatch(world, random)).ToArray())
        {
            CrossTeam = () =>
            [
                new ImportOutcomesRequest
                {
                    BatchId = Requests.NewId("b"),
                    Parent = world.Running.Name,
                    Rows = { new ImportRow { Enrolment = Requests.Enrolment(Requests.NewId("acct"), "wider", DateTimeOffset.UtcNow.AddDays(-3)) }, new ImportRow { Outcome = ValidOutcome(world) } },
                },
            ],
        },
        HostileRpc.Read<ListOutcomesRequest>(Service + "ListOutcomes", () => new() { Parent = world.Running.Name },
            [(m, r) => m.Parent = MalformedName(r), (m, r) => m.PageSize = AnyInt(r), (m, r) => m.PageToken = AnyString(r)]),
    ];

    private static Outcome ValidOutcome(HostileWorld world)
    {
        var outcome = Requests.Converted(world.Enrolment.AccountId, DateTimeOffset.UtcNow.AddDays(-1), 5_000);
        outcome.EventId = Requests.NewId("won");
        return outcome;
    }

    /// <summary>A batch rejected as a whole (no batch id, bad parent) or whose every row is rejected.</summary>
    private static ImportOutcomesRequest HostileBatch(HostileWorld world, Random random)
    {
        var batch = new ImportOutcomesRequest { BatchId = Requests.NewId("b"), Parent = world.Running.Name };
        switch (random.Next(20))
        {
            case 0: break; // No rows at all.
            case 1: batch.Rows.Add(Enumerable.Repeat(new ImportRow(), 10_001)); break; // One over the row limit, each row empty.
            default:
                for (int i = 1 + random.Next(50); i > 0; i--) batch.Rows.Add(HostileRow(world, random));
                break;
        }

        switch (random.Next(6))
        {
            case 0: batch.BatchId = ""; break;
            case 1: batch.Parent = MalformedName(random); break;
            case 2: batch.Parent = "experiments/no-such-experiment"; break;
            default: break; // Every row is broken already.
        }

        return batch;
    }

    private static ImportRow HostileRow(HostileWorld world, Random random)
    {
        if (random.Next(10) == 0) return new ImportRow();
        if (random.Next(2) == 0)
        {
            var outcome = ValidOutcome(world);
            BreakOutcome(outcome, world, random);
            return new ImportRow { Outcome = outcome };
        }

        var enrolment = Requests.Enrolment(Requests.NewId("acct"), "wider", DateTimeOffset.UtcNow.AddDays(-3));
        if (random.Next(2) == 0) enrolment.Attributes = HostileProfileRpcs.HostileAttributes(random, hugeMap: false); // A batch may hold 10,001 rows.
        switch (random.Next(5))
        {
            case 0: enrolment.AccountId = Pick(random, new[] { "", InvalidUtf8Marker }); break;
            case 1: enrolment.ArmKey = "nope"; break;
            case 2: enrolment.EnrolTime = InvalidTimestamp(random); break;
            case 3: enrolment.EventId = ""; break;
            default: enrolment.AccountId = world.Enrolment.AccountId; break; // Already in the other arm: contamination.
        }

        return new ImportRow { Enrolment = enrolment };
    }

    /// <summary>Makes an outcome certainly invalid: unknown account, no result, bad money or time, negative cycle, reused event id.</summary>
    private static void BreakOutcome(Outcome outcome, HostileWorld world, Random random)
    {
        switch (random.Next(8))
        {
            case 0: outcome.AccountId = Pick(random, new[] { "", "never-enrolled", InvalidUtf8Marker, new string('q', 100_000) }); break;
            case 1: outcome.ClearResult(); break;
            case 2: outcome.Converted.Acv = InvalidMoney(random); break;
            case 3: outcome.Converted.ConvertTime = Pick(random, new[] { null, InvalidTimestamp(random) }); break;
            case 4: outcome.CycleDays = Pick(random, new[] { -1, int.MinValue }); break;
            case 5: outcome.EventId = ""; break;
            case 6: outcome.Lost = new Loss { LoseTime = InvalidTimestamp(random) }; break;
            default: outcome.EventId = world.Outcome.EventId; break; // Same event id, other content.
        }
    }
}
