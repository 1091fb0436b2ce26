using IcpExperiments.Core.Outcomes;

namespace IcpExperiments.Storage.Analysis.ReadModel;

/// <summary>An outcome row as stored and read back, reduced to what <see cref="ExperimentFacts"/> folds.</summary>
internal readonly record struct FedOutcome(long AccountKey, OutcomeKind Kind, long OccurredAtTicks, decimal? AcvAmount, string? AcvCurrency, double? CycleDays);
