using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Outcomes;

namespace IcpExperiments.Storage.Ingest;

/// <summary>What happens to one item: stored, an idempotent duplicate, or rejected with the error a unary call would throw.</summary>
internal readonly record struct RowDecision(RecordDisposition Disposition, DomainException? Error, string Field)
{
    public static RowDecision Accepted { get; } = new(RecordDisposition.Accepted, null, "");

    public static RowDecision Duplicate { get; } = new(RecordDisposition.Duplicate, null, "");

    public static RowDecision Reject(DomainException error, string field) => new(RecordDisposition.Rejected, error, field);
}
