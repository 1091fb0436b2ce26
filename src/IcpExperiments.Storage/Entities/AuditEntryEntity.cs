namespace IcpExperiments.Storage.Entities;

/// <summary>Row of <c>audit_entries</c>: one write call, who made it and how it ended.</summary>
internal sealed class AuditEntryEntity
{
    public long Id { get; set; }
    public string TeamId { get; set; } = "";
    public string ActorId { get; set; } = "";
    public string Method { get; set; } = "";
    public string ResourceName { get; set; } = "";
    public string StatusCode { get; set; } = "";
    public string Detail { get; set; } = "";
    public DateTimeOffset OccurredAt { get; set; }
}
