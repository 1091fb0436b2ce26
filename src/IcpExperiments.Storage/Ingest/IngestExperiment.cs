using IcpExperiments.Core.Experiments;

namespace IcpExperiments.Storage.Ingest;

/// <summary>What ingest needs to know of an experiment: its state and its arms' keys.</summary>
internal sealed record IngestExperiment(ExperimentState State, IReadOnlySet<string> ArmKeys);
