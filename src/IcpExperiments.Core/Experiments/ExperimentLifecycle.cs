using IcpExperiments.Core.Errors;

namespace IcpExperiments.Core.Experiments;

/// <summary>
/// The lifecycle state machine; an illegal move throws PreconditionFailedException (ILLEGAL_STATE_TRANSITION).
/// Legal moves: Draft → Running, Running → Stopped, Stopped → Running (resume: a pause for a holiday or a broken
/// campaign should not force a new experiment; StartedAt keeps the first start, StoppedAt is cleared until the next
/// stop), Stopped → Concluded, Concluded → Archived and Draft → Archived (abandoned before it started).
/// </summary>
public static class ExperimentLifecycle
{
    public const string IllegalTransitionReason = "ILLEGAL_STATE_TRANSITION";

    private static readonly HashSet<(ExperimentState From, ExperimentState To)> LegalMoves =
    [
        (ExperimentState.Draft, ExperimentState.Running),
        (ExperimentState.Running, ExperimentState.Stopped),
        (ExperimentState.Stopped, ExperimentState.Running),
        (ExperimentState.Stopped, ExperimentState.Concluded),
        (ExperimentState.Concluded, ExperimentState.Archived),
        (ExperimentState.Draft, ExperimentState.Archived),
    ];

    public static bool CanMove(ExperimentState from, ExperimentState to) => LegalMoves.Contains((from, to));

    public static Experiment MoveTo(Experiment experiment, ExperimentState target, DateTimeOffset now)
    {
        if (!CanMove(experiment.State, target))
        {
            var allowed = LegalMoves.Where(m => m.From == experiment.State).Select(m => m.To.Display()).ToList();
            var options = allowed.Count == 0 ? "none" : string.Join(", ", allowed);
            throw new PreconditionFailedException(
                IllegalTransitionReason,
                $"Experiment '{experiment.Id}' cannot move from {experiment.State.Display()} to {target.Display()} (allowed from {experiment.State.Display()}: {options}).");
        }

        var moved = experiment with { State = target, UpdatedAt = now };
        return target switch
        {
            ExperimentState.Running when experiment.State == ExperimentState.Stopped => moved with { StoppedAt = null },
            ExperimentState.Running => moved with { StartedAt = now },
            ExperimentState.Stopped => moved with { StoppedAt = now },
            ExperimentState.Concluded => moved with { ConcludedAt = now },
            _ => moved with { ArchivedAt = now },
        };
    }
}
