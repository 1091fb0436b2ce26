using System.Collections.Frozen;

namespace IcpExperiments.Server.Security;

/// <summary>
/// The one table of who may call what, by full gRPC method name. A method missing here is denied to everyone
/// (PERMISSION_DENIED), and a unit test fails when any method of our services has no entry. Admin may call
/// everything; every role may read its own team's resources.
/// </summary>
public static class RpcPolicyTable
{
    private static readonly RpcPolicy Open = new(true, FrozenSet<string>.Empty, false);
    private static readonly RpcPolicy Read = new(false, new[] { Roles.Viewer, Roles.Experimenter, Roles.ProfileOwner }.ToFrozenSet(), false);
    private static readonly RpcPolicy ExperimenterWrite = Write(Roles.Experimenter);
    private static readonly RpcPolicy ProfileOwnerWrite = Write(Roles.ProfileOwner);
    private static readonly RpcPolicy AdminRead = new(false, new[] { Roles.Admin }.ToFrozenSet(), false);
    private static readonly RpcPolicy AdminWrite = Write(Roles.Admin);

    private static readonly FrozenDictionary<string, RpcPolicy> Policies = new Dictionary<string, RpcPolicy>
    {
        ["/grpc.health.v1.Health/Check"] = Open,
        ["/grpc.health.v1.Health/Watch"] = Open,
        ["/grpc.reflection.v1.ServerReflection/ServerReflectionInfo"] = Open,
        ["/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo"] = Open,

        ["/icp_experiments.v1.ProfileService/CreateProfile"] = ProfileOwnerWrite,
        ["/icp_experiments.v1.ProfileService/GetProfile"] = Read,
        ["/icp_experiments.v1.ProfileService/ListProfiles"] = Read,
        ["/icp_experiments.v1.ProfileService/CreateProfileVersion"] = ProfileOwnerWrite,
        ["/icp_experiments.v1.ProfileService/GetProfileVersion"] = Read,
        ["/icp_experiments.v1.ProfileService/ListProfileVersions"] = Read,
        ["/icp_experiments.v1.ProfileService/DiffProfileVersions"] = Read,
        ["/icp_experiments.v1.ProfileService/ScoreAccounts"] = Read,

        ["/icp_experiments.v1.ExperimentService/CreateExperiment"] = ExperimenterWrite,
        ["/icp_experiments.v1.ExperimentService/GetExperiment"] = Read,
        ["/icp_experiments.v1.ExperimentService/ListExperiments"] = Read,
        ["/icp_experiments.v1.ExperimentService/UpdateExperiment"] = ExperimenterWrite,
        ["/icp_experiments.v1.ExperimentService/StartExperiment"] = ExperimenterWrite,
        ["/icp_experiments.v1.ExperimentService/StopExperiment"] = ExperimenterWrite,
        ["/icp_experiments.v1.ExperimentService/ConcludeExperiment"] = ExperimenterWrite,
        ["/icp_experiments.v1.ExperimentService/ArchiveExperiment"] = ExperimenterWrite,
        ["/icp_experiments.v1.ExperimentService/CreateCampaign"] = ExperimenterWrite,
        ["/icp_experiments.v1.ExperimentService/GetCampaign"] = Read,
        ["/icp_experiments.v1.ExperimentService/ListCampaigns"] = Read,
        ["/icp_experiments.v1.ExperimentService/UpdateCampaign"] = ExperimenterWrite,
        ["/icp_experiments.v1.ExperimentService/EnrolAccount"] = ExperimenterWrite,
        ["/icp_experiments.v1.ExperimentService/ListEnrolments"] = Read,

        ["/icp_experiments.v1.OutcomeService/RecordOutcome"] = ExperimenterWrite,
        ["/icp_experiments.v1.OutcomeService/ImportOutcomes"] = ExperimenterWrite,
        ["/icp_experiments.v1.OutcomeService/ListOutcomes"] = Read,

        ["/icp_experiments.v1.AnalysisService/GetResults"] = Read,
        ["/icp_experiments.v1.AnalysisService/WatchResults"] = Read,
        ["/icp_experiments.v1.AnalysisService/PlanSampleSize"] = Read,
        ["/icp_experiments.v1.AnalysisService/GetSegments"] = Read,

        ["/icp_experiments.v1.RecommendationService/GetRecommendation"] = Read,
        ["/icp_experiments.v1.RecommendationService/GetCriteriaLedger"] = Read,
        ["/icp_experiments.v1.RecommendationService/ApplyRecommendation"] = ProfileOwnerWrite,

        ["/icp_experiments.v1.AdminService/CreateApiKey"] = AdminWrite,
        ["/icp_experiments.v1.AdminService/ListApiKeys"] = AdminRead,
        ["/icp_experiments.v1.AdminService/RevokeApiKey"] = AdminWrite,
        ["/icp_experiments.v1.AdminService/ListAuditEntries"] = AdminRead,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every method with an entry.</summary>
    public static IEnumerable<string> Methods => Policies.Keys;

    /// <summary>The policy of <paramref name="fullMethodName"/> (<c>/package.Service/Method</c>), or null when it has none (denied).</summary>
    public static RpcPolicy? Find(string fullMethodName) => Policies.GetValueOrDefault(fullMethodName);

    private static RpcPolicy Write(string role) => new(false, new[] { role }.ToFrozenSet(), true);
}
