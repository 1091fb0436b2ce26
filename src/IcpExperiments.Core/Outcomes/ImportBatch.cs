namespace IcpExperiments.Core.Outcomes;

/// <summary>A batch of a bulk import (at most <see cref="MaxRows"/> rows). <see cref="BatchId"/> is the client's label, echoed in the acknowledgement.</summary>
public sealed record ImportBatch(string BatchId, IReadOnlyList<ImportRow> Rows)
{
    public const int MaxRows = 10_000;
}
