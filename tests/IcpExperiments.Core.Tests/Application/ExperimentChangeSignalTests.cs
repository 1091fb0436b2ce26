using IcpExperiments.Core.Application;
using IcpExperiments.Core.Outcomes;
using IcpExperiments.Core.Teams;
using IcpExperiments.Core.Tests.Fakes;

namespace IcpExperiments.Core.Tests.Application;

public sealed class ExperimentChangeSignalTests
{
    private static readonly TeamId Team = new("team-a");

    [Fact]
    public async Task ImportAsync_ThroughTheNotifyingRepository_WakesTheExperimentsWaitersOnly()
    {
        // Arrange
        var signal = new ExperimentChangeSignal();
        var sut = new ChangeNotifyingOutcomeRepository(new RecordingOutcomeRepository(), signal);
        var watched = signal.NextChangeAsync(Team, "exp-1");
        var other = signal.NextChangeAsync(Team, "exp-2");
        var otherTeam = signal.NextChangeAsync(new TeamId("team-b"), "exp-1");
        var outcome = new OutcomeEvent("e1", "a1", OutcomeKind.Lost, new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero), null, null);

        // Act
        await sut.ImportAsync(Team, "exp-1", new ImportBatch("b1", [new ImportRow(null, outcome)]), DateTimeOffset.UnixEpoch, CancellationToken.None);

        // Assert
        Assert.True(watched.IsCompletedSuccessfully);
        Assert.False(other.IsCompleted);
        Assert.False(otherTeam.IsCompleted);
    }

    [Fact]
    public async Task NotifyAfterAsync_WriteFails_StillNotifiesAndRethrows()
    {
        // Arrange
        var sut = new ExperimentChangeSignal();
        var watched = sut.NextChangeAsync(Team, "exp-1");

        // Act
        await Assert.ThrowsAsync<InvalidOperationException>(() => sut.NotifyAfterAsync<int>(Team, "exp-1", Task.FromException<int>(new InvalidOperationException())));

        // Assert
        Assert.True(watched.IsCompletedSuccessfully);
    }
}
