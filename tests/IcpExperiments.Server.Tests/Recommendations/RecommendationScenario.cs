using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests.Recommendations;

/// <summary>
/// Profiles and finished experiments with known truth, built through the API. Control (version 1) is
/// `industry IN {saas}` and `50 ≤ employee_count ≤ 500`; version 2 widens the head-count to 2,000; version 3 also adds
/// fintech (two changes at once). Experiments are fixed-horizon, conversion, MDE 20% relative, no guardrails.
/// </summary>
public sealed class RecommendationScenario(ServerFixture fixture)
{
    public const int WiderVersion = 2;
    public const int WiderAndFintechVersion = 3;

    public RecommendationService.RecommendationServiceClient Recommendations { get; } = new(fixture.Channel);

    public async Task<string> CreateProfileAsync()
    {
        var profileId = Requests.NewId("prf");
        await fixture.Profiles.CreateProfileAsync(new CreateProfileRequest
        {
            ProfileId = profileId,
            Profile = new Profile { DisplayName = "Mid-market SaaS" },
            FirstVersion = Version(maxEmployees: 500),
        });
        await fixture.Profiles.CreateProfileVersionAsync(new CreateProfileVersionRequest { Parent = $"profiles/{profileId}", Version = Version(maxEmployees: 2000) });
        await fixture.Profiles.CreateProfileVersionAsync(new CreateProfileVersionRequest { Parent = $"profiles/{profileId}", Version = Version(2000, "saas", "fintech") });
        return profileId;
    }

    /// <summary>A started experiment (control vs. one variant) with the campaign's rows imported; stopped when asked.</summary>
    public async Task<Experiment> RunAsync(string profileId, int variantVersion, int seed, SyntheticCampaign.TrueArm control, SyntheticCampaign.TrueArm variant, bool stop)
    {
        var created = (await fixture.Experiments.CreateExperimentAsync(new CreateExperimentRequest
        {
            ExperimentId = Requests.NewId("exp"),
            Experiment = new Experiment
            {
                DisplayName = "Head-count test",
                Hypothesis = "Larger accounts convert at least as well.",
                Profile = $"profiles/{profileId}",
                Control = new Arm { Key = control.Key, ProfileVersion = 1, Allocation = 0.5 },
                Variants = { new Arm { Key = variant.Key, ProfileVersion = variantVersion, Allocation = 0.5 } },
                PrimaryMetric = Metric.Conversion,
                MinimumDetectableEffect = 0.2,
                AnalysisMode = AnalysisMode.FixedHorizon,
            },
        })).Experiment;
        var experiment = (await fixture.Experiments.StartExperimentAsync(new StartExperimentRequest { Name = created.Name })).Experiment;
        await SyntheticCampaign.ImportAsync(fixture.Outcomes, experiment.Name, SyntheticCampaign.Rows(seed, DateTimeOffset.UtcNow, control, variant));
        return stop ? (await fixture.Experiments.StopExperimentAsync(new StopExperimentRequest { Name = experiment.Name })).Experiment : experiment;
    }

    public async Task<Recommendation> RecommendAsync(Experiment experiment) =>
        (await Recommendations.GetRecommendationAsync(new GetRecommendationRequest { Experiment = experiment.Name })).Recommendation;

    private static ProfileVersion Version(int maxEmployees, params string[] industries) => new()
    {
        ChangeNote = $"up to {maxEmployees} employees",
        Criteria =
        {
            new Criterion
            {
                Attribute = "industry",
                Categorical = new CategoricalPredicate { Operator = CategoricalPredicate.Types.Operator.In, Values = { industries.Length == 0 ? ["saas"] : industries } },
            },
            new Criterion { Attribute = "employee_count", NumericRange = new NumericRangePredicate { Min = 50, Max = maxEmployees } },
        },
    };
}
