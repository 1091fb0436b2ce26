using IcpExperiments.Core.Experiments;
using IcpExperiments.Core.Profiles;

namespace IcpExperiments.Core.Recommendations;

/// <summary>
/// Every test of one change of one criterion on one metric; <see cref="Pooled"/> when at least two single-change tests
/// exist (joint tests are listed but not pooled: their effect is shared with other changes).
/// </summary>
public sealed record LedgerLine(string Attribute, string ChangeText, CriterionChange Change, Metric Metric, IReadOnlyList<TestedChange> Tests, PooledEffect? Pooled);
