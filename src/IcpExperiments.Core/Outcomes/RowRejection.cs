namespace IcpExperiments.Core.Outcomes;

/// <summary>A rejected row of a batch: its 0-based index in the batch, the UPPER_SNAKE reason, the field at fault (may be empty) and a sentence.</summary>
public sealed record RowRejection(int Index, string Reason, string Field, string Message);
