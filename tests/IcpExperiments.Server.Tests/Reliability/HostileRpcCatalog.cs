namespace IcpExperiments.Server.Tests.Reliability;

/// <summary>The hostile generators of every service, in one list (<see cref="HostileCoverageTests"/> checks it covers the contract).</summary>
public static class HostileRpcCatalog
{
    public static IReadOnlyList<HostileRpc> All(HostileWorld world) =>
    [
        .. HostileProfileRpcs.All(world),
        .. HostileExperimentRpcs.All(world),
        .. HostileOutcomeRpcs.All(world),
        .. HostileAnalysisRpcs.All(world),
        .. HostileRecommendationRpcs.All(world),
        .. HostileAdminRpcs.All(world),
    ];
}
