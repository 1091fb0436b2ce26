#pragma warning disable CA1861 // Each hostile request draws from small literal lists; clarity beats saving the allocation here.
using IcpExperiments.Contracts.V1;
using static IcpExperiments.Server.Tests.Reliability.HostileValues;

namespace IcpExperiments.Server.Tests.Reliability;

/// <summary>Hostile requests for every AnalysisService RPC: all reads, so any mix of odd values is fair game.</summary>
public static class HostileAnalysisRpcs
{
    private const string Service = "/icp_experiments.v1.AnalysisService/";

    /// <summary>Long enough for a watch to push its first result, short enough to keep the run fast.</summary>
    private static readonly TimeSpan WatchDeadline = TimeSpan.FromMilliseconds(150);

    public static IEnumerable<HostileRpc> All(HostileWorld world) =>
    [
        HostileRpc.Read<GetResultsRequest>(Service + "GetResults", () => new() { Experiment = world.Running.Name },
            [
                (m, r) => m.Experiment = MalformedName(r),
                (m, r) => m.Experiment = Pick(r, new[] { world.Draft.Name, "experiments/no-such-experiment" }),
                (m, r) => m.AsOf = Pick(r, new[] { Timestamp(r), InvalidTimestamp(r) }),
                (m, r) => m.Correction = Enum<MultipleComparisonCorrection>(r),
                (m, r) => m.CurvePoints = AnyInt(r),
            ]),
        new HostileRpc(Service + "WatchResults", random => [HostileRpc.Mutate(random, new WatchResultsRequest { Experiment = world.Running.Name }, [],
            [
                (m, r) => m.Experiment = MalformedName(r),
                (m, r) => m.Experiment = Pick(r, new[] { world.Draft.Name, "experiments/no-such-experiment" }),
                (m, r) => m.AsOf = Pick(r, new[] { Timestamp(r), InvalidTimestamp(r) }),
                (m, r) => m.Correction = Enum<MultipleComparisonCorrection>(r),
                (m, r) => m.CurvePoints = AnyInt(r),
            ])])
        {
            CrossTeam = () => [new WatchResultsRequest { Experiment = world.Running.Name }],
            Deadline = WatchDeadline,
        },
        HostileRpc.Read<PlanSampleSizeRequest>(Service + "PlanSampleSize",
            () => new() { BaselineConversion = 0.1, MinimumDetectableEffect = 0.2, Alpha = 0.05, Power = 0.8, Arms = 2 },
            [
                (m, r) => m.BaselineConversion = AnyDouble(r),
                (m, r) => m.MinimumDetectableEffect = Pick(r, new[] { AnyDouble(r), 1e-12, 1e-300 }),
                (m, r) => m.Alpha = AnyDouble(r),
                (m, r) => m.Power = AnyDouble(r),
                (m, r) => m.Arms = AnyInt(r),
                (m, r) => m.AccountsPerDay = AnyDouble(r),
                (m, r) => m.AcvMean = AnyDouble(r),
                (m, r) => m.AcvStandardDeviation = AnyDouble(r),
            ],
            teamScoped: false),
        HostileRpc.Read<GetSegmentsRequest>(Service + "GetSegments", () => new() { Experiment = world.Running.Name },
            [
                (m, r) => m.Experiment = MalformedName(r),
                (m, r) => m.Experiment = Pick(r, new[] { world.Draft.Name, "experiments/no-such-experiment" }),
                (m, r) => m.Attributes.Add(Pick(r, new[] { "industry", "region", "employee_count", "annual_revenue", "nope", "" }) + (r.Next(4) == 0 ? AnyString(r) : "")),
                (m, r) => m.Attributes.AddRange(Enumerable.Repeat("industry", Pick(r, new[] { 2, 100_000 }))),
                (m, r) => m.MinAccounts = AnyInt(r),
                (m, r) => m.AsOf = Pick(r, new[] { Timestamp(r), InvalidTimestamp(r) }),
            ]),
    ];
}
