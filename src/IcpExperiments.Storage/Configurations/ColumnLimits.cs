namespace IcpExperiments.Storage.Configurations;

/// <summary>Column lengths (characters), matching the domain's id rules; SQLite ignores them, PostgreSQL enforces them.</summary>
internal static class ColumnLimits
{
    public const int TeamId = 63;
    public const int ResourceId = 63;
    public const int ExternalId = 128;
    public const int EnumName = 32;
    public const int Fingerprint = 128;
}
