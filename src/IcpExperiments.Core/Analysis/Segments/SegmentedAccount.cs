using IcpExperiments.Core.Accounts;

namespace IcpExperiments.Core.Analysis.Segments;

/// <summary>One enrolled account with the attributes it was enrolled with and its folded outcome.</summary>
public sealed record SegmentedAccount(string ArmKey, AccountAttributes Attributes, AccountObservation Observation);
