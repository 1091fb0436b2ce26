using IcpExperiments.Core.Enrolments;
using IcpExperiments.Core.Outcomes;
using IcpExperiments.Core.Paging;
using IcpExperiments.Core.Teams;

namespace IcpExperiments.Core.Application;

/// <summary>
/// Decorates the outcome repository: after every write (even a failed or duplicate one) it signals the experiment's
/// watchers. Unary outcome records are the exception: the storage's group commit signals once per transaction (the
/// repository is given the signal), since an awaiting step here would stay on every call's path until its commit.
/// </summary>
public sealed class ChangeNotifyingOutcomeRepository(IOutcomeRepository inner, ExperimentChangeSignal signal) : IOutcomeRepository
{
    public Task<EnrolmentResult> EnrollAsync(TeamId team, Enrolment enrolment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        return signal.NotifyAfterAsync(team, enrolment.ExperimentId, inner.EnrollAsync(team, enrolment, cancellationToken));
    }

    public Task<Page<Enrolment>> ListEnrolmentsAsync(TeamId team, string experimentId, PageRequest page, CancellationToken cancellationToken) =>
        inner.ListEnrolmentsAsync(team, experimentId, page, cancellationToken);

    public Task<RecordedOutcome> RecordAsync(TeamId team, string experimentId, OutcomeEvent outcome, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.RecordAsync(team, experimentId, outcome, now, cancellationToken);

    public Task<BatchResult> ImportAsync(TeamId team, string experimentId, ImportBatch batch, DateTimeOffset now, CancellationToken cancellationToken) =>
        signal.NotifyAfterAsync(team, experimentId, inner.ImportAsync(team, experimentId, batch, now, cancellationToken));

    public Task<Page<RecordedOutcome>> ListOutcomesAsync(TeamId team, string experimentId, PageRequest page, CancellationToken cancellationToken) =>
        inner.ListOutcomesAsync(team, experimentId, page, cancellationToken);
}
