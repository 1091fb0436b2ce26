using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests;

/// <summary>Writes the experiment's state forbids fail with FAILED_PRECONDITION and change nothing.</summary>
[Collection(SharedServer.Name)]
public sealed class LifecycleAndContaminationTests(ServerFixture fixture)
{
    private readonly Scenario scenario = new(fixture);

    [Fact]
    public async Task EnrolAccount_SameAccountOtherArm_FailedPreconditionAndFirstArmKept()
    {
        var experiment = await scenario.CreateRunningExperimentAsync();
        await scenario.EnrolAsync(experiment, "acct-twice", "control");
        var other = Requests.Enrolment("acct-twice", "wider", DateTimeOffset.UtcNow.AddDays(-1));
        other.EventId = "another-event";

        var status = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => fixture.Experiments.EnrolAccountAsync(new EnrolAccountRequest { Parent = experiment.Name, Enrolment = other }));

        Assert.Equal("ACCOUNT_ALREADY_ENROLLED", RpcAssert.Reason(status));
        var enrolments = await fixture.Experiments.ListEnrolmentsAsync(new ListEnrolmentsRequest { Parent = experiment.Name });
        Assert.Equal("control", Assert.Single(enrolments.Enrolments).ArmKey);
    }

    public enum Move { Start, Stop, Conclude, Archive }

    [Theory]
    [InlineData(0, Move.Stop)]
    [InlineData(0, Move.Conclude)]
    [InlineData(1, Move.Start)]
    [InlineData(1, Move.Conclude)]
    [InlineData(1, Move.Archive)]
    [InlineData(2, Move.Archive)]
    [InlineData(2, Move.Stop)]
    [InlineData(3, Move.Start)]
    [InlineData(3, Move.Stop)]
    public async Task Lifecycle_IllegalMove_FailedPreconditionAndStateUnchanged(int movesBefore, Move illegal)
    {
        var experiment = await scenario.CreateDraftExperimentAsync();
        Move[] path = [Move.Start, Move.Stop, Move.Conclude];
        foreach (var move in path.Take(movesBefore)) experiment = await MoveAsync(experiment.Name, move);

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => MoveAsync(experiment.Name, illegal));

        var after = await fixture.Experiments.GetExperimentAsync(new GetExperimentRequest { Name = experiment.Name });
        Assert.Equal(experiment.State, after.Experiment.State);
        Assert.Equal(experiment.Etag, after.Experiment.Etag);
    }

    [Fact]
    public async Task Lifecycle_FullPath_EndsArchivedWithTimes()
    {
        var experiment = await scenario.CreateDraftExperimentAsync();

        foreach (var move in new[] { Move.Start, Move.Stop, Move.Conclude, Move.Archive }) experiment = await MoveAsync(experiment.Name, move);

        Assert.Equal(ExperimentState.Archived, experiment.State);
        Assert.NotNull(experiment.StartTime);
        Assert.NotNull(experiment.StopTime);
        Assert.NotNull(experiment.ConcludeTime);
        Assert.NotNull(experiment.ArchiveTime);
    }

    [Fact]
    public async Task StartExperiment_Stopped_ResumesKeepingFirstStartTime()
    {
        var running = await scenario.CreateRunningExperimentAsync();
        await MoveAsync(running.Name, Move.Stop);

        var resumed = await MoveAsync(running.Name, Move.Start);

        Assert.Equal(ExperimentState.Running, resumed.State);
        Assert.Equal(running.StartTime, resumed.StartTime);
        Assert.Null(resumed.StopTime);
    }

    [Fact]
    public async Task EnrolAccount_DraftExperiment_FailedPrecondition()
    {
        var draft = await scenario.CreateDraftExperimentAsync();

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => fixture.Experiments.EnrolAccountAsync(new EnrolAccountRequest
        {
            Parent = draft.Name,
            Enrolment = Requests.Enrolment("acct-d", "control", DateTimeOffset.UtcNow.AddDays(-1)),
        }));
    }

    [Fact]
    public async Task RecordOutcome_StoppedExperiment_Accepted_ConcludedExperiment_FailedPrecondition()
    {
        var experiment = await scenario.CreateRunningExperimentAsync();
        await scenario.EnrolAsync(experiment, "acct-late", "control");
        await scenario.EnrolAsync(experiment, "acct-later", "wider");
        await MoveAsync(experiment.Name, Move.Stop);
        var at = DateTimeOffset.UtcNow.AddDays(-1);

        await fixture.Outcomes.RecordOutcomeAsync(new RecordOutcomeRequest { Parent = experiment.Name, Outcome = Requests.Lost("acct-late", at) });
        await MoveAsync(experiment.Name, Move.Conclude);

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => fixture.Outcomes.RecordOutcomeAsync(new RecordOutcomeRequest
        {
            Parent = experiment.Name,
            Outcome = Requests.Lost("acct-later", at),
        }));
    }

    [Fact]
    public async Task UpdateExperiment_Running_FailedPrecondition()
    {
        var running = await scenario.CreateRunningExperimentAsync();
        running.Hypothesis = "Changed after start";

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => fixture.Experiments.UpdateExperimentAsync(new UpdateExperimentRequest
        {
            Experiment = running,
            UpdateMask = new FieldMask { Paths = { "hypothesis" } },
        }));
    }

    private async Task<Experiment> MoveAsync(string name, Move move) => move switch
    {
        Move.Start => (await fixture.Experiments.StartExperimentAsync(new StartExperimentRequest { Name = name })).Experiment,
        Move.Stop => (await fixture.Experiments.StopExperimentAsync(new StopExperimentRequest { Name = name })).Experiment,
        Move.Conclude => (await fixture.Experiments.ConcludeExperimentAsync(new ConcludeExperimentRequest { Name = name })).Experiment,
        _ => (await fixture.Experiments.ArchiveExperimentAsync(new ArchiveExperimentRequest { Name = name })).Experiment,
    };
}
