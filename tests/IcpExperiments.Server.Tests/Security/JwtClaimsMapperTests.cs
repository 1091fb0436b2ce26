extern alias server;

using System.Security.Claims;
using Grpc.Core;
using JwtClaimsMapper = server::IcpExperiments.Server.Security.Jwt.JwtClaimsMapper;
using JwtOptions = server::IcpExperiments.Server.Security.Jwt.JwtOptions;

namespace IcpExperiments.Server.Tests.Security;

/// <summary>Claims of a validated token → caller: actor, team, roles; what is missing decides the refusal.</summary>
public sealed class JwtClaimsMapperTests
{
    [Fact]
    public void Map_SubjectTeamAndRoles_AdmitsActorOfTheSubject()
    {
        var sut = CreateSut();

        var result = sut.Map(Principal(("sub", "alice"), ("icpx_team", "growth"), ("roles", "viewer"), ("roles", "experimenter")));

        Assert.NotNull(result.Admitted);
        Assert.Equal("jwt:alice", result.Admitted.Caller.ActorId);
        Assert.Equal("growth", result.Admitted.Caller.Team.Value);
        Assert.Equal(["viewer", "experimenter"], result.Admitted.Roles);
    }

    [Fact]
    public void Map_SpaceSeparatedRolesWithUnknownOnes_KeepsOnlyOurs()
    {
        var sut = CreateSut();

        var result = sut.Map(Principal(("sub", "bob"), ("icpx_team", "growth"), ("roles", "janitor profile_owner  viewer")));

        Assert.Equal(["profile_owner", "viewer"], result.Admitted!.Roles);
    }

    [Fact]
    public void Map_RoleMapConfigured_MapsProviderValuesAndIgnoresOurNames()
    {
        var options = new JwtOptions { RolesClaim = "groups", TeamClaim = "tenant" };
        options.RoleMap["ICPX-Readers"] = "viewer";
        var sut = CreateSut(options);

        var result = sut.Map(Principal(("sub", "carol"), ("tenant", "emea"), ("groups", "icpx-readers"), ("groups", "admin")));

        Assert.Equal(["viewer"], result.Admitted!.Roles);
        Assert.Equal("emea", result.Admitted.Caller.Team.Value);
    }

    [Fact]
    public void Map_NoSubject_IsUnauthenticated()
    {
        var sut = CreateSut();

        var result = sut.Map(Principal(("icpx_team", "growth"), ("roles", "viewer")));

        Assert.Null(result.Admitted);
        Assert.Equal(StatusCode.Unauthenticated, result.Code);
        Assert.Null(result.Refused);
    }

    [Theory]
    [InlineData(new string[0], "no team claim")]
    [InlineData(new[] { "growth", "finance" }, "more than one team claim")]
    [InlineData(new[] { "Growth Team" }, "an invalid team claim")]
    public void Map_NotExactlyOneValidTeam_IsPermissionDeniedUnderTheUnknownTeam(string[] teams, string problem)
    {
        var sut = CreateSut();

        var result = sut.Map(Principal([("sub", "dave"), ("roles", "viewer"), .. teams.Select(t => ("icpx_team", t))]));

        Assert.Equal(StatusCode.PermissionDenied, result.Code);
        Assert.Contains(problem, result.Reason, StringComparison.Ordinal);
        Assert.Equal("unauthenticated", result.Refused!.Team.Value);
        Assert.Equal("jwt:dave", result.Refused.ActorId);
        Assert.Equal("JWT_CLAIMS_REQUIRED", result.ErrorReason);
    }

    [Fact]
    public void Map_NoKnownRole_IsPermissionDeniedForItsTeam()
    {
        var sut = CreateSut();

        var result = sut.Map(Principal(("sub", "erin"), ("icpx_team", "growth"), ("roles", "Viewer")));

        Assert.Equal(StatusCode.PermissionDenied, result.Code);
        Assert.Equal("growth", result.Refused!.Team.Value);
    }

    [Theory]
    [InlineData("00u1abcd2EFGH3ijk4l5", "jwt:00u1abcd2EFGH3ijk4l5")]
    [InlineData("auth0|5f7c8ec7c33c6c004bbafe82", "jwt:auth0|5f7c8ec7c33c6c004bbafe82")]
    public void ActorOf_ShortPrintableSubject_KeptAsIs(string subject, string actor) =>
        Assert.Equal(actor, JwtClaimsMapper.ActorOf(subject));

    [Theory]
    [InlineData("a subject with spaces")]
    [InlineData("sübject")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890")]
    public void ActorOf_LongOrOddSubject_HashPrefixThatFitsTheAuditColumn(string subject)
    {
        var actor = JwtClaimsMapper.ActorOf(subject);

        Assert.Matches("^jwt:sha256:[0-9a-f]{12}$", actor);
        Assert.NotEqual(actor, JwtClaimsMapper.ActorOf(subject + "x"));
    }

    private static JwtClaimsMapper CreateSut(JwtOptions? options = null) => new(options ?? new JwtOptions());

    private static ClaimsPrincipal Principal(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "test"));
}
