using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Experiments;

namespace IcpExperiments.Core.Outcomes;

/// <summary>Which experiment states accept writes; repositories call these inside their transaction.</summary>
public static class IngestRules
{
    public const string NotRunningReason = "EXPERIMENT_NOT_RUNNING";
    public const string NotAcceptingOutcomesReason = "EXPERIMENT_NOT_ACCEPTING_OUTCOMES";

    /// <summary>Enrolments are accepted while Running; otherwise FAILED_PRECONDITION (EXPERIMENT_NOT_RUNNING).</summary>
    public static void EnsureAcceptsEnrolments(string experimentId, ExperimentState state)
    {
        if (!AcceptsEnrolments(state))
            throw new PreconditionFailedException(NotRunningReason, $"Experiment '{experimentId}' is {state.Display()}: accounts can be enrolled only while it is RUNNING.");
    }

    /// <summary>Outcomes are accepted while Running or Stopped (late-closing deals); otherwise FAILED_PRECONDITION.</summary>
    public static void EnsureAcceptsOutcomes(string experimentId, ExperimentState state)
    {
        if (!AcceptsOutcomes(state))
            throw new PreconditionFailedException(NotAcceptingOutcomesReason, $"Experiment '{experimentId}' is {state.Display()}: outcomes are accepted only while it is RUNNING or STOPPED.");
    }

    public static bool AcceptsEnrolments(ExperimentState state) => state == ExperimentState.Running;

    public static bool AcceptsOutcomes(ExperimentState state) => state is ExperimentState.Running or ExperimentState.Stopped;
}
