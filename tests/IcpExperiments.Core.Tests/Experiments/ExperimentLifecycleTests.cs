using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Experiments;

namespace IcpExperiments.Core.Tests.Experiments;

public sealed class ExperimentLifecycleTests
{
    private static readonly DateTimeOffset MoveTime = Samples.Now.AddMinutes(5);

    public static TheoryData<ExperimentState, ExperimentState> LegalMoves => new()
    {
        { ExperimentState.Draft, ExperimentState.Running },
        { ExperimentState.Running, ExperimentState.Stopped },
        { ExperimentState.Stopped, ExperimentState.Running },
        { ExperimentState.Stopped, ExperimentState.Concluded },
        { ExperimentState.Concluded, ExperimentState.Archived },
        { ExperimentState.Draft, ExperimentState.Archived },
    };

    public static TheoryData<ExperimentState, ExperimentState> IllegalMoves()
    {
        var legal = LegalMoves.Select(row => ((ExperimentState)row[0], (ExperimentState)row[1])).ToHashSet();
        var data = new TheoryData<ExperimentState, ExperimentState>();
        foreach (var from in Enum.GetValues<ExperimentState>())
        {
            foreach (var to in Enum.GetValues<ExperimentState>())
            {
                if (!legal.Contains((from, to))) data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LegalMoves))]
    public void MoveTo_LegalMove_SetsStateAndUpdatedAt(ExperimentState from, ExperimentState to)
    {
        var experiment = Samples.Experiment(from);

        var moved = ExperimentLifecycle.MoveTo(experiment, to, MoveTime);

        Assert.Equal(to, moved.State);
        Assert.Equal(MoveTime, moved.UpdatedAt);
        Assert.Equal(experiment.Design, moved.Design);
        Assert.Equal(experiment.CreatedAt, moved.CreatedAt);
    }

    [Theory]
    [MemberData(nameof(IllegalMoves))]
    public void MoveTo_IllegalMove_ThrowsNamingBothStates(ExperimentState from, ExperimentState to)
    {
        var experiment = Samples.Experiment(from);

        var error = Assert.Throws<PreconditionFailedException>(() => ExperimentLifecycle.MoveTo(experiment, to, MoveTime));

        Assert.Equal("ILLEGAL_STATE_TRANSITION", error.Reason);
        Assert.Contains($"from {from.ToString().ToUpperInvariant()} to {to.ToString().ToUpperInvariant()}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MoveTo_IllegalMoveCount_Is19()
    {
        Assert.Equal(25 - 6, IllegalMoves().Count);
    }

    [Fact]
    public void MoveTo_UndefinedTarget_Throws()
    {
        var error = Assert.Throws<PreconditionFailedException>(() => ExperimentLifecycle.MoveTo(Samples.Experiment(ExperimentState.Draft), (ExperimentState)99, MoveTime));

        Assert.Equal("ILLEGAL_STATE_TRANSITION", error.Reason);
    }

    [Fact]
    public void MoveTo_Start_SetsStartedAt()
    {
        var moved = ExperimentLifecycle.MoveTo(Samples.Experiment(ExperimentState.Draft), ExperimentState.Running, MoveTime);

        Assert.Equal(MoveTime, moved.StartedAt);
        Assert.Null(moved.StoppedAt);
    }

    [Fact]
    public void MoveTo_Stop_SetsStoppedAtAndKeepsStartedAt()
    {
        var running = Samples.Experiment(ExperimentState.Running) with { StartedAt = Samples.Now };

        var moved = ExperimentLifecycle.MoveTo(running, ExperimentState.Stopped, MoveTime);

        Assert.Equal(MoveTime, moved.StoppedAt);
        Assert.Equal(Samples.Now, moved.StartedAt);
    }

    [Fact]
    public void MoveTo_Resume_KeepsFirstStartAndClearsStoppedAt()
    {
        var stopped = Samples.Experiment(ExperimentState.Stopped) with { StartedAt = Samples.Now, StoppedAt = Samples.Now.AddMinutes(1) };

        var moved = ExperimentLifecycle.MoveTo(stopped, ExperimentState.Running, MoveTime);

        Assert.Equal(Samples.Now, moved.StartedAt);
        Assert.Null(moved.StoppedAt);
    }

    [Fact]
    public void MoveTo_Conclude_SetsConcludedAt()
    {
        var moved = ExperimentLifecycle.MoveTo(Samples.Experiment(ExperimentState.Stopped), ExperimentState.Concluded, MoveTime);

        Assert.Equal(MoveTime, moved.ConcludedAt);
    }

    [Theory]
    [InlineData(ExperimentState.Draft)]
    [InlineData(ExperimentState.Concluded)]
    public void MoveTo_Archive_SetsArchivedAt(ExperimentState from)
    {
        var moved = ExperimentLifecycle.MoveTo(Samples.Experiment(from), ExperimentState.Archived, MoveTime);

        Assert.Equal(MoveTime, moved.ArchivedAt);
    }
}
