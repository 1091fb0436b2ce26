#pragma warning disable CA1861 // Each hostile request draws from small literal lists; clarity beats saving the allocation here.
using IcpExperiments.Contracts.V1;
using static IcpExperiments.Server.Tests.Reliability.HostileValues;

namespace IcpExperiments.Server.Tests.Reliability;

/// <summary>
/// Hostile requests for every RecommendationService RPC. Apply is a write: each one names a malformed or unknown
/// experiment, or one still a draft or running (evidence not final), all of which must be refused.
/// </summary>
public static class HostileRecommendationRpcs
{
    private const string Service = "/icp_experiments.v1.RecommendationService/";

    public static IEnumerable<HostileRpc> All(HostileWorld world) =>
    [
        HostileRpc.Read<GetRecommendationRequest>(Service + "GetRecommendation", () => new() { Experiment = world.Running.Name },
            [(m, r) => m.Experiment = MalformedName(r), (m, r) => m.Experiment = Pick(r, new[] { world.Draft.Name, "experiments/no-such-experiment" })]),
        HostileRpc.Read<GetCriteriaLedgerRequest>(Service + "GetCriteriaLedger", () => new() { Profile = world.ProfileName },
            [(m, r) => m.Profile = MalformedName(r), (m, _) => m.Profile = "profiles/no-such-profile", (m, _) => m.Profile = world.VersionName(1)]),
        HostileRpc.Unary<ApplyRecommendationRequest>(Service + "ApplyRecommendation", () => new() { Experiment = world.Running.Name },
            [
                (m, r) => m.Experiment = MalformedName(r),
                (m, _) => m.Experiment = "experiments/no-such-experiment",
                (m, _) => m.Experiment = world.Draft.Name,
                (m, _) => m.Experiment = world.Running.Name,
            ],
            []),
    ];
}
