namespace IcpExperiments.Storage.Entities;

/// <summary>Row of <c>api_keys</c>: a key's identity, team, roles and the SHA-256 of its secret (never the secret).</summary>
internal sealed class ApiKeyEntity
{
    public string Id { get; set; } = "";
    public string TeamId { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Roles { get; set; } = "";
    public byte[] SecretHash { get; set; } = [];
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
