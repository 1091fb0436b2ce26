using System.Net;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests.Web;

/// <summary>
/// Rejected JSON calls: the HTTP status of the gRPC code (google.api mapping) and the google.rpc.Status as the body, with
/// its ErrorInfo and BadRequest details (not the empty 500 transcoding gives when it cannot write the details).
/// </summary>
[Collection(WebServer.Name)]
public sealed class JsonErrorTests(WebServerFixture fixture)
{
    [Fact]
    public async Task CreateProfile_MissingDisplayName_Returns400WithFieldViolations()
    {
        var response = await fixture.Json.PostAsync("/v1/profiles", """{"profile": {"description": "no name"}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var status = await JsonApi.ReadErrorAsync(response);
        Assert.Equal(3, status.GetProperty("code").GetInt32());
        var violation = JsonApi.Detail(status, "google.rpc.BadRequest").GetProperty("fieldViolations").EnumerateArray().Single();
        Assert.Equal("profile.display_name", violation.GetProperty("field").GetString());
        Assert.Equal("icp-experiments", JsonApi.Detail(status, "google.rpc.ErrorInfo").GetProperty("domain").GetString());
    }

    [Fact]
    public async Task GetProfile_AnotherTeamsProfile_Returns404()
    {
        var id = Requests.NewId("prf");
        await JsonApi.ReadAsync<CreateProfileResponse>(await fixture.Json.PostAsync("/v1/profiles", new CreateProfileRequest { ProfileId = id, Profile = new Profile { DisplayName = "Default team's" } }));
        using var otherTeam = await KeyedClients.CreateAsync(fixture.Server, "other-team", Role.Viewer);
        using var otherJson = new JsonApi(fixture.Server.WebAddress, otherTeam.Secret);

        var response = await otherJson.GetAsync($"/v1/profiles/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var errorInfo = JsonApi.Detail(await JsonApi.ReadErrorAsync(response), "google.rpc.ErrorInfo");
        Assert.Contains(id, errorInfo.GetProperty("metadata").GetProperty("resource_name").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListProfiles_WithoutKey_Returns401WithReason()
    {
        using var anonymous = new JsonApi(fixture.Server.WebAddress, apiKey: null);

        var response = await anonymous.GetAsync("/v1/profiles");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("UNAUTHENTICATED", JsonApi.Detail(await JsonApi.ReadErrorAsync(response), "google.rpc.ErrorInfo").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task CreateProfile_ViewerKey_Returns403()
    {
        using var viewer = await KeyedClients.CreateAsync(fixture.Server, "default", Role.Viewer);
        using var viewerJson = new JsonApi(fixture.Server.WebAddress, viewer.Secret);

        var response = await viewerJson.PostAsync("/v1/profiles", new CreateProfileRequest { Profile = new Profile { DisplayName = "Not allowed" } });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("ROLE_REQUIRED", JsonApi.Detail(await JsonApi.ReadErrorAsync(response), "google.rpc.ErrorInfo").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task CreateProfile_TakenId_Returns409()
    {
        var request = new CreateProfileRequest { ProfileId = Requests.NewId("prf"), Profile = new Profile { DisplayName = "Twice" } };
        await JsonApi.ReadAsync<CreateProfileResponse>(await fixture.Json.PostAsync("/v1/profiles", request));

        var response = await fixture.Json.PostAsync("/v1/profiles", request);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(6, (await JsonApi.ReadErrorAsync(response)).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task GetResults_DraftExperiment_Returns400WithPreconditionReason()
    {
        var id = Requests.NewId("exp");
        var profileId = Requests.NewId("prf");
        await JsonApi.ReadAsync<CreateProfileResponse>(await fixture.Json.PostAsync("/v1/profiles", new CreateProfileRequest { ProfileId = profileId, Profile = new Profile { DisplayName = "ICP" }, FirstVersion = Requests.Version(200) }));
        await JsonApi.ReadAsync<CreateProfileVersionResponse>(await fixture.Json.PostAsync($"/v1/profiles/{profileId}/versions", Requests.Version(50)));
        await JsonApi.ReadAsync<CreateExperimentResponse>(await fixture.Json.PostAsync($"/v1/experiments?experiment_id={id}", Requests.Experiment(profileId)));

        var response = await fixture.Json.GetAsync($"/v1/experiments/{id}/results");

        // FAILED_PRECONDITION is HTTP 400 in the google.api mapping; the ErrorInfo reason tells it from INVALID_ARGUMENT.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var status = await JsonApi.ReadErrorAsync(response);
        Assert.Equal(9, status.GetProperty("code").GetInt32());
        Assert.Equal("EXPERIMENT_NOT_STARTED", JsonApi.Detail(status, "google.rpc.ErrorInfo").GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("""{"profile": """)]
    [InlineData("""{"profile": {"displayName": 42, "unknownField": true}}""")]
    [InlineData("not json at all")]
    public async Task CreateProfile_MalformedJson_Returns400(string body)
    {
        var response = await fixture.Json.PostAsync("/v1/profiles", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(3, (await JsonApi.ReadErrorAsync(response)).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task GetExperiment_MalformedName_Returns400NotServerError()
    {
        var response = await fixture.Json.GetAsync("/v1/experiments/NOT%20AN%20ID");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
