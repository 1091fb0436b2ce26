#pragma warning disable CA1861 // Each hostile request draws from small literal lists; clarity beats saving the allocation here.
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;
using static IcpExperiments.Server.Tests.Reliability.HostileValues;

namespace IcpExperiments.Server.Tests.Reliability;

/// <summary>Hostile requests for every ExperimentService RPC (experiments, lifecycle, campaigns, enrolments).</summary>
public static class HostileExperimentRpcs
{
    private const string Service = "/icp_experiments.v1.ExperimentService/";
    private const string StaleEtag = "W/\"stale\"";
    private static readonly string[] NonFinite = ["NaN", "+inf", "-inf"];

    public static IEnumerable<HostileRpc> All(HostileWorld world) =>
    [
        HostileRpc.Unary<CreateExperimentRequest>(Service + "CreateExperiment",
            () => new() { ExperimentId = Requests.NewId("e"), Experiment = Requests.Experiment(world.ProfileId) },
            [
                (m, r) => m.Experiment.Alpha = Pick(r, new[] { double.NaN, double.PositiveInfinity, -0.1, 1.5 }),
                (m, r) => m.Experiment.Power = Pick(r, new[] { double.NaN, double.NegativeInfinity, -1, 2 }),
                (m, r) => m.Experiment.MinimumDetectableEffect = Pick(r, new[] { double.NaN, double.PositiveInfinity, -0.2, 0 }),
                (m, r) => m.Experiment.Control.Allocation = Pick(r, new[] { double.NaN, double.PositiveInfinity, -0.5, 0, 7 }),
                (m, r) => m.Experiment.PrimaryMetric = Enum<Metric>(r),
                (m, r) => m.Experiment.ObservationWindowDays = Pick(r, new[] { -1, int.MinValue }),
                (m, r) => m.Experiment.Profile = MalformedName(r),
                (m, _) => m.Experiment.Profile = "profiles/no-such-profile",
                (m, r) => m.Experiment.Variants[0].ProfileVersion = Pick(r, new[] { 0, -1, 99, int.MaxValue }),
                (m, _) => m.Experiment.Variants.Clear(),
                (m, _) => m.Experiment.Variants[0].Key = "control",
                (m, _) => m.ExperimentId = world.Draft.Name["experiments/".Length..],
                (m, r) => m.ExperimentId = Pick(r, new[] { "UPPER", "-x", new string('a', 64), InvalidUtf8Marker }),
                (m, r) => m.Experiment.Guardrails.Add(new Guardrail { Metric = Enum<Metric>(r), ToleratedRelativeHarm = AnyDouble(r) }),
                (m, _) => m.Experiment = null,
            ],
            [
                (m, r) => m.Experiment.Hypothesis = AnyString(r) + "h",
                (m, r) => m.Experiment.DisplayName = AnyString(r) + "d",
                (m, r) => m.Experiment.AnalysisMode = Enum<AnalysisMode>(r),
                (m, r) => m.Experiment.Variants.AddRange(Enumerable.Range(0, Pick(r, new[] { 2, 5_000 })).Select(i => new Arm { Key = $"v{i}", ProfileVersion = 2, Allocation = AnyDouble(r) })),
                (m, r) => m.Experiment.Control.Description = AnyString(r),
                (m, _) => m.Experiment.State = ExperimentState.Archived,
            ]) with { CrossTeamCode = StatusCode.InvalidArgument }, // Another team's profile is "profile has no version N", like an unknown one.

        HostileRpc.Read<GetExperimentRequest>(Service + "GetExperiment", () => new() { Name = world.Running.Name }, [(m, r) => m.Name = MalformedName(r)]),
        HostileRpc.Read<ListExperimentsRequest>(Service + "ListExperiments", () => new(),
            [(m, r) => m.PageSize = AnyInt(r), (m, r) => m.PageToken = AnyString(r), (m, r) => m.State = Enum<ExperimentState>(r)], teamScoped: false),
        HostileRpc.Unary<UpdateExperimentRequest>(Service + "UpdateExperiment",
            () => new() { Experiment = world.Draft.Clone(), UpdateMask = new FieldMask { Paths = { "hypothesis" } } },
            [
                (m, _) => m.Experiment.Etag = StaleEtag,
                (m, r) => m.UpdateMask.Paths.Add(Pick(r, new[] { "state", "name", "no_such_field", "control.nope", "", "*", InvalidUtf8Marker })),
                (m, _) => { m.Experiment = world.Running.Clone(); m.Experiment.MinimumDetectableEffect = 0.3; m.UpdateMask.Paths.Add("minimum_detectable_effect"); },
                (m, r) => m.Experiment.Name = MalformedName(r),
                (m, _) => m.Experiment.Name = "experiments/no-such-experiment",
                (m, r) => { m.UpdateMask.Paths.Add("alpha"); m.Experiment.Alpha = Pick(r, new[] { double.NaN, double.NegativeInfinity, 3 }); },
                (m, _) => m.UpdateMask = null,
            ],
            [(m, r) => m.Experiment.Hypothesis = AnyString(r) + "h", (m, r) => m.Experiment.Alpha = AnyDouble(r), (m, r) => m.UpdateMask.Paths.Add(Pick(r, new[] { "display_name", "power" }))]),
        Lifecycle<StartExperimentRequest>("StartExperiment", world.Draft, (m, n) => m.Name = n, (m, e) => m.Etag = e, world.Running.Name),
        Lifecycle<StopExperimentRequest>("StopExperiment", world.Running, (m, n) => m.Name = n, (m, e) => m.Etag = e, world.Draft.Name),
        Lifecycle<ConcludeExperimentRequest>("ConcludeExperiment", world.Running, (m, n) => m.Name = n, (m, e) => m.Etag = e, world.Draft.Name),
        Lifecycle<ArchiveExperimentRequest>("ArchiveExperiment", world.Draft, (m, n) => m.Name = n, (m, e) => m.Etag = e, world.Running.Name),
        HostileRpc.Unary<CreateCampaignRequest>(Service + "CreateCampaign",
            () => new() { Parent = world.Running.Name, CampaignId = Requests.NewId("c"), Campaign = Requests.Campaign("wider") },
            [
                (m, r) => m.Parent = MalformedName(r),
                (m, _) => m.Parent = "experiments/no-such-experiment",
                (m, r) => m.Campaign.ArmKey = Pick(r, new[] { "", "nope", InvalidUtf8Marker }),
                (m, r) => m.Campaign.Channel = Enum<Channel>(r),
                (m, r) => m.Campaign.Spend = InvalidMoney(r),
                (m, r) => m.Campaign.StartDate = new Google.Type.Date { Year = Pick(r, new[] { 0, 10_000, -1 }), Month = 13, Day = 32 },
                (m, _) => { m.Campaign.StartDate = new Google.Type.Date { Year = 2026, Month = 1, Day = 5 }; m.Campaign.EndDate = new Google.Type.Date { Year = 2025, Month = 1, Day = 1 }; },
                (m, _) => m.CampaignId = world.Campaign.Name.Split('/')[^1],
                (m, _) => m.Campaign = null,
            ],
            [(m, r) => m.Campaign.DisplayName = AnyString(r) + "c", (m, r) => m.Campaign.StartDate = Date(r), (m, r) => m.Campaign.Spend = Money(r), (m, r) => m.Campaign.Etag = AnyString(r)]),
        HostileRpc.Read<GetCampaignRequest>(Service + "GetCampaign", () => new() { Name = world.Campaign.Name }, [(m, r) => m.Name = MalformedName(r)]),
        HostileRpc.Read<ListCampaignsRequest>(Service + "ListCampaigns", () => new() { Parent = world.Running.Name },
            [(m, r) => m.Parent = MalformedName(r), (m, r) => m.PageSize = AnyInt(r), (m, r) => m.PageToken = AnyString(r)]),
        HostileRpc.Unary<UpdateCampaignRequest>(Service + "UpdateCampaign",
            () => new() { Campaign = world.Campaign.Clone(), UpdateMask = new FieldMask { Paths = { "spend" } } },
            [
                (m, _) => m.Campaign.Etag = StaleEtag,
                (m, r) => { m.Campaign.Etag = ""; m.Campaign.Spend = InvalidMoney(r); },
                (m, r) => m.UpdateMask.Paths.Add(Pick(r, new[] { "arm_key", "channel", "nope", InvalidUtf8Marker })),
                (m, r) => m.Campaign.Name = MalformedName(r),
                (m, _) => m.Campaign.Name = $"{world.Running.Name}/campaigns/nope",
            ],
            [(m, r) => m.Campaign.Spend = Money(r), (m, r) => m.Campaign.DisplayName = AnyString(r), (m, r) => m.Campaign.EndDate = Date(r)]),
        HostileRpc.Unary<EnrolAccountRequest>(Service + "EnrolAccount",
            () => new() { Parent = world.Running.Name, Enrolment = Requests.Enrolment(Requests.NewId("acct"), "wider", DateTimeOffset.UtcNow.AddDays(-3)) },
            [
                (m, r) => m.Parent = MalformedName(r),
                (m, r) => m.Enrolment.AccountId = Pick(r, new[] { "", InvalidUtf8Marker, new string('a', 2_000_000) }),
                (m, r) => m.Enrolment.ArmKey = Pick(r, new[] { "", "nope" }),
                (m, r) => m.Enrolment.EnrolTime = Pick(r, new[] { null, InvalidTimestamp(r) }),
                (m, _) => m.Enrolment.EventId = "",
                (m, _) => { m.Enrolment.AccountId = world.Enrolment.AccountId; m.Enrolment.ArmKey = "wider"; },
                (m, _) => { m.Enrolment.EventId = world.Enrolment.EventId; m.Enrolment.Attributes.Industry = "changed"; },
                (m, _) => m.Enrolment = null,
            ],
            [(m, r) => m.Enrolment.Attributes = HostileProfileRpcs.HostileAttributes(r), (m, r) => m.Enrolment.CampaignId = AnyString(r), (m, r) => m.Enrolment.EnrolTime = Timestamp(r)]),
        HostileRpc.Read<ListEnrolmentsRequest>(Service + "ListEnrolments", () => new() { Parent = world.Running.Name },
            [(m, r) => m.Parent = MalformedName(r), (m, r) => m.PageSize = AnyInt(r), (m, r) => m.PageToken = AnyString(r)]),
    ];

    /// <summary>A lifecycle call on <paramref name="target"/> broken by a malformed or unknown name, a stale etag, or an illegal transition (<paramref name="illegalTarget"/>).</summary>
    private static HostileRpc Lifecycle<T>(string method, Experiment target, Action<T, string> setName, Action<T, string> setEtag, string illegalTarget)
        where T : Google.Protobuf.IMessage, new() =>
        HostileRpc.Unary<T>(Service + method, () => { var m = new T(); setName(m, target.Name); setEtag(m, target.Etag); return m; },
            [
                (m, r) => setName(m, MalformedName(r)),
                (m, _) => setName(m, "experiments/no-such-experiment"),
                (m, _) => setEtag(m, StaleEtag),
                (m, _) => { setName(m, illegalTarget); setEtag(m, ""); },
            ],
            [(m, r) => setEtag(m, AnyString(r) + NonFinite[r.Next(NonFinite.Length)])]);
}
