using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IcpExperiments.Server.Tests.Infrastructure;
using Microsoft.IdentityModel.Tokens;

namespace IcpExperiments.Server.Tests.Security;

/// <summary>
/// A minimal OpenID Connect provider on a loopback port (plain http): a discovery document and a JWKS holding the RSA
/// keys currently published. <see cref="Rotate"/> publishes a new key (and drops the old), as a provider's key rollover does.
/// </summary>
public sealed class TestOidcProvider : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Lock gate = new();
    private RsaSecurityKey current;
    private int generation;

    public TestOidcProvider()
    {
        Issuer = $"http://127.0.0.1:{ServerProcess.FreePort()}/";
        listener.Prefixes.Add(Issuer);
        listener.Start();
        current = NewKey(++generation);
        _ = ServeAsync();
    }

    /// <summary>The authority and issuer, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public string Issuer { get; }

    /// <summary>How many times the signing keys were fetched.</summary>
    public int KeyFetches { get; private set; }

    /// <summary>Credentials of the key the provider signs with now (its <c>kid</c> included).</summary>
    public SigningCredentials Credentials
    {
        get
        {
            lock (gate) return new SigningCredentials(current, SecurityAlgorithms.RsaSha256);
        }
    }

    /// <summary>Publishes a fresh key in place of the current one.</summary>
    public void Rotate()
    {
        lock (gate) current = NewKey(++generation);
    }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
    }

    private static RsaSecurityKey NewKey(int generation) => new(RSA.Create(2048)) { KeyId = $"key-{generation}" };

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
            {
                return; // Stopped.
            }

            var body = context.Request.Url?.AbsolutePath switch
            {
                "/.well-known/openid-configuration" => JsonSerializer.Serialize(new Dictionary<string, object> { ["issuer"] = Issuer, ["jwks_uri"] = $"{Issuer}jwks" }),
                "/jwks" => KeySet(),
                _ => null,
            };
            context.Response.StatusCode = body is null ? 404 : 200;
            context.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(body ?? "{}");
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private string KeySet()
    {
        RsaSecurityKey key;
        lock (gate)
        {
            key = current;
            KeyFetches++;
        }

        var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new Dictionary<string, string>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = SecurityAlgorithms.RsaSha256,
            ["kid"] = key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        return JsonSerializer.Serialize(new Dictionary<string, object> { ["keys"] = new[] { jwk } });
    }
}
