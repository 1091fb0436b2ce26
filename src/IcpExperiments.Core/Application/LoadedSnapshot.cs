using IcpExperiments.Core.Analysis;

namespace IcpExperiments.Core.Application;

/// <summary>A snapshot and the data version it reflects, read in one transaction.</summary>
public sealed record LoadedSnapshot(ExperimentSnapshot Snapshot, long DataVersion);
