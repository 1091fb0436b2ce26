using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Application;
using IcpExperiments.Core.Campaigns;
using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Core.Outcomes;
using IcpExperiments.Core.Teams;
using IcpExperiments.Core.Tests.Analysis;

namespace IcpExperiments.Core.Tests.Fakes;

/// <summary>
/// An analysis data source over one in-memory experiment of one team: its accounts come from the seeded synthetic
/// generator; counts snapshot loads (and reports a cancelled one) so tests can tell a cached result from a recomputed one. <see cref="LoadGate"/>,
/// when set, holds every load until it completes (to line up concurrent callers).
/// </summary>
internal sealed class FakeAnalysisDataSource(TeamId team, Experiment experiment) : IAnalysisDataSource
{
    private int loads;

    public Experiment Experiment { get; set; } = experiment;

    public long DataVersion { get; set; } = 1;

    public decimal ControlSpend { get; set; } = 1_000m;

    public int Loads => Volatile.Read(ref loads);

    public TaskCompletionSource? LoadGate { get; set; }

    /// <summary>Completed when a load held by <see cref="LoadGate"/> sees its token cancelled.</summary>
    public TaskCompletionSource LoadCancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<AnalysisInputs> ReadInputsAsync(TeamId team1, string experimentId, CancellationToken cancellationToken)
    {
        if (team1 != team || experimentId != Experiment.Id) throw new NotFoundException("Experiment", experimentId);
        return Task.FromResult(new AnalysisInputs(Experiment, DataVersion, [new ArmSpend("control", new Money("USD", ControlSpend))]));
    }

    public async Task<LoadedSnapshot> LoadSnapshotAsync(TeamId team1, Experiment experiment1, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref loads);
        if (LoadGate is { } gate)
        {
            try
            {
                await gate.Task.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                LoadCancelled.TrySetResult();
                throw;
            }
        }

        var generated = SyntheticExperiment.Generate(experiment1.Design, Designs.Truths(experiment1.Design, 0.10, 0.13), 2_000, seed: 7);
        var builder = new SnapshotBuilder(experiment1.Design, asOf);
        foreach (var arm in generated.Arms)
        {
            for (int i = 0; i < arm.Count; i++)
            {
                var status = arm.Status[i];
                var observation = status == AccountStatus.Open
                    ? new AccountObservation(arm.EnrolledAt[i])
                    : new AccountObservation(
                        arm.EnrolledAt[i],
                        status == AccountStatus.Converted ? OutcomeKind.Converted : OutcomeKind.Lost,
                        arm.EnrolledAt[i].AddDays(arm.Days[i]),
                        double.IsFinite(arm.Acv[i]) ? (decimal)arm.Acv[i] : null);
                builder.AddAccount(arm.Key, observation, "USD");
            }
        }

        builder.AddSpend("control", new Money("USD", ControlSpend));
        return new LoadedSnapshot(builder.Build(), DataVersion);
    }
}
