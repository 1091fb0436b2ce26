extern alias server;

using JwtBearerToken = server::IcpExperiments.Server.Security.Jwt.JwtBearerToken;

namespace IcpExperiments.Server.Tests.Security;

/// <summary>Which bearer values go to JWT validation: JWT-shaped ones only; API keys never.</summary>
public sealed class JwtBearerTokenTests
{
    [Theory]
    [InlineData("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln")]
    [InlineData("bearer   eyJhbGciOiJub25lIn0.eyJzdWIiOiJhIn0.  ", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhIn0.")]
    public void Find_JwtShapedValue_ReturnsTheToken(string authorization, string token) =>
        Assert.Equal(token, JwtBearerToken.Find(authorization));

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer icpx_abcdefghijkl_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA")]
    [InlineData("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0")]
    [InlineData("Bearer eyJhbGciOiJIUzI1NiJ9..c2ln")]
    [InlineData("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln.ZXh0cmE.bW9yZQ")]
    [InlineData("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIi+OiJhIn0=.c2ln")]
    [InlineData("Basic eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln")]
    [InlineData("Bearer abc.def.ghi")]
    public void Find_AnythingElse_IsNull(string? authorization) =>
        Assert.Null(JwtBearerToken.Find(authorization));

    [Fact]
    public void Find_LongerThanTheLimit_IsNull()
    {
        var token = "eyJhbGciOiJIUzI1NiJ9." + new string('a', JwtBearerToken.MaxTokenLength) + ".c2ln";

        Assert.Null(JwtBearerToken.Find("Bearer " + token));
    }
}
