namespace IcpExperiments.Core.Outcomes;

/// <summary>
/// The result of one batch, returned only after the batch is durable: how many rows were stored, how many were
/// idempotent duplicates, and every rejected row (the valid rows around a rejected one are still stored).
/// </summary>
public sealed record BatchResult(string BatchId, int Accepted, int Duplicates, IReadOnlyList<RowRejection> Rejections);
