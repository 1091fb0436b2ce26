

namespace IcpExperiments.Core.Experiments;

/// <summary>The lifecycle state machine; an illegal move throws PreconditionFailedException.</summary>
public static class ExperimentLifecycle
{
    public static Experiment MoveTo(Experiment experiment, ExperimentState target, DateTimeOffset now) => throw new NotImplementedException("core helper implements this");
}
