using IcpExperiments.Core.Experiments;

namespace IcpExperiments.Core.Outcomes;

/// <summary>Which experiment states accept writes; repositories call these inside their transaction.</summary>
public static class IngestRules
{
    /// <summary>Enrolments are accepted while Running; otherwise FAILED_PRECONDITION (EXPERIMENT_NOT_RUNNING).</summary>
    public static void EnsureAcceptsEnrolments(string experimentId, ExperimentState state) => throw new NotImplementedException("core helper implements this");

    /// <summary>Outcomes are accepted while Running or Stopped (late-closing deals); otherwise FAILED_PRECONDITION.</summary>
    public static void EnsureAcceptsOutcomes(string experimentId, ExperimentState state) => throw new NotImplementedException("core helper implements this");
}
