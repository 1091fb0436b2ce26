using IcpExperiments.Core.Recommendations;

namespace IcpExperiments.Core.Application;

/// <summary>A profile's criteria ledger, the experiments it read (newest first) and whether more existed than one ledger reads.</summary>
public sealed record CriteriaLedgerReport(string ProfileId, IReadOnlyList<LedgerLine> Lines, IReadOnlyList<string> ExperimentIds, bool Truncated);
