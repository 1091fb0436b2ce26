using IcpExperiments.Core.Experiments;
using IcpExperiments.Core.Profiles;

namespace IcpExperiments.Core.Recommendations;

/// <summary>
/// Every test of one change of one criterion on one metric; <see cref="Pooled"/> when at least two single-change tests
/// exist (joint tests and invalid experiments are listed but not pooled: a joint effect is shared with other changes, an
/// invalid experiment's estimate is biased).
/// </summary>
public sealed record LedgerLine(string Attribute, string ChangeText, CriterionChange Change, Metric Metric, IReadOnlyList<TestedChange> Tests, PooledEffect? Pooled);
