extern alias server;

using ApiKeySecrets = server::IcpExperiments.Server.Security.ApiKeySecrets;

namespace IcpExperiments.Server.Tests.Unit;

public sealed class ApiKeySecretsTests
{
    [Theory]
    [InlineData("Bearer icpx_abc_secret", "icpx_abc_secret")]
    [InlineData("bearer  icpx_abc_secret ", "icpx_abc_secret")]
    [InlineData("Basic dXNlcjpwYXNz", null)]
    [InlineData("Bearer ", null)]
    [InlineData(null, null)]
    public void FromAuthorizationHeader_Value_ExtractsBearerKey(string? header, string? expected)
    {
        var key = ApiKeySecrets.FromAuthorizationHeader(header);

        Assert.Equal(expected, key);
    }

    [Fact]
    public void NewKey_TwoKeys_DifferAndShowTheirId()
    {
        var id = ApiKeySecrets.NewKeyId();

        var (first, second) = (ApiKeySecrets.NewKey(id), ApiKeySecrets.NewKey(id));

        Assert.NotEqual(first, second);
        Assert.StartsWith($"icpx_{id}_", first, StringComparison.Ordinal);
        Assert.Equal(5 + 12 + 1 + 43, first.Length);
        Assert.NotEqual(ApiKeySecrets.Hash(first), ApiKeySecrets.Hash(second));
    }
}
