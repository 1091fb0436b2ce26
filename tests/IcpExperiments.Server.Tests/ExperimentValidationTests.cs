using Grpc.Core;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests;

/// <summary>One case per rule of CreateExperiment: INVALID_ARGUMENT naming the field, and nothing created.</summary>
[Collection(SharedServer.Name)]
public sealed class ExperimentValidationTests(ServerFixture fixture)
{
    private static readonly Dictionary<string, (Action<Experiment> Break, string Field)> Cases = new()
    {
        ["display name empty"] = (e => e.DisplayName = string.Empty, "experiment.display_name"),
        ["hypothesis empty"] = (e => e.Hypothesis = " ", "experiment.hypothesis"),
        ["profile malformed"] = (e => e.Profile = "profile/x", "experiment.profile"),
        ["control missing"] = (e => e.Control = null, "experiment.control"),
        ["primary metric unspecified"] = (e => e.PrimaryMetric = Metric.Unspecified, "experiment.primary_metric"),
        ["primary metric unknown"] = (e => e.PrimaryMetric = (Metric)42, "experiment.primary_metric"),
        ["guardrail metric unspecified"] = (e => e.Guardrails[0].Metric = Metric.Unspecified, "experiment.guardrails[0].metric"),
        ["guardrail harm NaN"] = (e => e.Guardrails[0].ToleratedRelativeHarm = double.NaN, "experiment.guardrails[0].tolerated_relative_harm"),
        ["alpha NaN"] = (e => e.Alpha = double.NaN, "experiment.alpha"),
        ["power infinite"] = (e => e.Power = double.PositiveInfinity, "experiment.power"),
        ["mde NaN"] = (e => e.MinimumDetectableEffect = double.NaN, "experiment.minimum_detectable_effect"),
        ["allocation NaN"] = (e => e.Variants[0].Allocation = double.NaN, "experiment.variants[0].allocation"),
        ["analysis mode unknown"] = (e => e.AnalysisMode = (AnalysisMode)9, "experiment.analysis_mode"),
        ["variant equals control"] = (e => e.Variants[0].ProfileVersion = 1, "experiment.variants[0].profile_version"),
        ["variant version missing"] = (e => e.Variants[0].ProfileVersion = 7, "experiment.variants[0].profile_version"),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task CreateExperiment_RuleBroken_InvalidArgumentNamesFieldAndCreatesNothing(string caseName)
    {
        var profileId = await new Scenario(fixture).CreateProfileWithTwoVersionsAsync();
        var experiment = Requests.Experiment(profileId);
        var (breakRule, field) = Cases[caseName];
        breakRule(experiment);
        var experimentId = Requests.NewId("exp");

        await RpcAssert.InvalidFieldAsync(field, () => fixture.Experiments.CreateExperimentAsync(new CreateExperimentRequest { ExperimentId = experimentId, Experiment = experiment }));

        await RpcAssert.FailsAsync(StatusCode.NotFound, () => fixture.Experiments.GetExperimentAsync(new GetExperimentRequest { Name = $"experiments/{experimentId}" }));
    }

    [Fact]
    public async Task CreateExperiment_ExperimentMissing_InvalidArgument()
    {
        await RpcAssert.InvalidFieldAsync("experiment", () => fixture.Experiments.CreateExperimentAsync(new CreateExperimentRequest()));
    }

    [Fact]
    public async Task CreateExperiment_IdTaken_AlreadyExists()
    {
        var draft = await new Scenario(fixture).CreateDraftExperimentAsync();
        var again = new CreateExperimentRequest { ExperimentId = draft.Name["experiments/".Length..], Experiment = Requests.Experiment(draft.Profile["profiles/".Length..]) };

        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => fixture.Experiments.CreateExperimentAsync(again));
    }

    [Fact]
    public async Task GetExperiment_Unknown_NotFound()
    {
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => fixture.Experiments.GetExperimentAsync(new GetExperimentRequest { Name = "experiments/does-not-exist" }));
    }
}
