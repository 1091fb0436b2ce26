namespace IcpExperiments.Core.Experiments;

/// <summary>Lifecycle: Draft → Running → Stopped → Concluded → Archived (Draft may also be archived directly).</summary>
public enum ExperimentState
{
    Draft = 1,
    Running = 2,
    Stopped = 3,
    Concluded = 4,
    Archived = 5,
}
