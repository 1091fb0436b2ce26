using IcpExperiments.Storage.Analysis.ReadModel;

namespace IcpExperiments.Storage.Tests.Analysis;

public sealed class PendingDeltasTests
{
    [Fact]
    public void TakeChain_EveryVersionBetween_ReturnsThemInOrderAndKeepsLaterOnes()
    {
        // Arrange
        var sut = CreateSut(versions: [4, 5, 6, 7, 8]);

        // Act
        var chain = sut.TakeChain(after: 5, through: 7);

        // Assert
        Assert.Equal([6L, 7L], chain!.Select(d => d.DataVersion));
        Assert.Equal([8L], sut.TakeChain(after: 7, through: 8)!.Select(d => d.DataVersion));
    }

    [Fact]
    public void TakeChain_VersionMissing_ReturnsNullAndDropsUpToThrough()
    {
        // Arrange: version 6 was written by another process.
        var sut = CreateSut(versions: [5, 7, 8, 9]);

        // Act
        var chain = sut.TakeChain(after: 5, through: 8);

        // Assert
        Assert.Null(chain);
        Assert.Equal(3, sut.Rows);
        Assert.Equal([9L], sut.TakeChain(after: 8, through: 9)!.Select(d => d.DataVersion));
    }

    [Fact]
    public void TakeChain_LatestVersionNotYetAdded_ReturnsNull()
    {
        // Arrange
        var sut = CreateSut(versions: [3, 4]);

        // Act / Assert
        Assert.Null(sut.TakeChain(after: 2, through: 5));
    }

    [Fact]
    public void TakeChain_CommitFailed_LeavesItOutForTheVersionWrittenAgain()
    {
        // Arrange: the first commit of version 6 failed; the next transaction produced 6 again.
        var sut = CreateSut(versions: [5]);
        var retried = Delta(6);
        sut.Add(Delta(6, committed: false));
        sut.Add(retried);

        // Act
        var chain = sut.TakeChain(after: 5, through: 6);

        // Assert
        Assert.Same(retried, Assert.Single(chain!));
    }

    [Fact]
    public void TakeChain_CommitUnderWay_IncludesItForTheReaderToAwait()
    {
        // Arrange
        var sut = CreateSut(versions: [1]);
        var commit = new TaskCompletionSource<bool>();
        sut.Add(new ReadModelDelta(2, 0, [], new FedOutcome[1], commit.Task));

        // Act
        var chain = sut.TakeChain(after: 0, through: 2);

        // Assert
        Assert.Equal([1L, 2L], chain!.Select(d => d.DataVersion));
        Assert.False(chain![1].Committed.IsCompleted);
    }

    [Fact]
    public void Add_PastTheCap_DropsEveryDeltaHeldSoTheChainHasAGap()
    {
        // Arrange: three rows per delta, at most seven rows.
        var sut = CreateSut(versions: [1, 2], maxRows: 7);

        // Act
        sut.Add(Delta(3));
        sut.Add(Delta(4));

        // Assert
        Assert.Equal(3, sut.Rows);
        Assert.Null(sut.TakeChain(after: 0, through: 4));
    }

    [Fact]
    public void Add_AfterStop_KeepsNothingUntilStarted()
    {
        // Arrange
        var sut = CreateSut(versions: [1]);

        // Act
        sut.Stop();
        sut.Add(Delta(2));
        sut.Start();
        sut.Add(Delta(3));

        // Assert
        Assert.Equal(3, sut.Rows);
        Assert.Null(sut.TakeChain(after: 0, through: 3));
    }

    [Fact]
    public void Add_SharedBudgetFull_DropsThisExperimentsDeltasAndKeepsTheOthers()
    {
        // Arrange: three rows per delta, ten rows for every experiment together.
        var budget = new PendingRowBudget(10);
        var written = CreateSut(versions: [1, 2, 3], budget: budget);
        var other = new PendingDeltas(1_000, budget);

        // Act
        other.Add(Delta(7));

        // Assert: the other experiment could not reserve room, so it holds nothing and its next reader sees a gap.
        Assert.Equal(0, other.Rows);
        Assert.Null(other.TakeChain(after: 6, through: 7));
        Assert.Equal(9, budget.Reserved);
        Assert.Equal([1L, 2L, 3L], written.TakeChain(after: 0, through: 3)!.Select(d => d.DataVersion));
    }

    [Fact]
    public void TakeChainAndStop_GiveTheirRowsBackToTheSharedBudget()
    {
        // Arrange
        var budget = new PendingRowBudget(100);
        var taken = CreateSut(versions: [1, 2, 3], budget: budget);
        var stopped = CreateSut(versions: [1, 2], budget: budget);
        var capped = CreateSut(versions: [1, 2], maxRows: 7, budget: budget);

        // Act
        taken.TakeChain(after: 0, through: 2);
        stopped.Stop();
        capped.Add(Delta(3));

        // Assert: only the delta still pending (version 3 of the first) holds room.
        Assert.Equal(3, budget.Reserved);
    }

    [Fact]
    public void ForReadModel_QuarterOfTheBudgetInRows()
    {
        // Arrange / Act
        var budget = PendingRowBudget.ForReadModel(256L * 1024 * 1024);

        // Assert
        Assert.Equal(256L * 1024 * 1024 / 4 / PendingRowBudget.BytesPerRow, budget.MaxRows);
    }

    private static PendingDeltas CreateSut(long[] versions, int maxRows = 1_000, PendingRowBudget? budget = null)
    {
        var sut = new PendingDeltas(maxRows, budget);
        foreach (long version in versions) sut.Add(Delta(version));
        return sut;
    }

    /// <summary>A delta of two enrolments and one outcome (their content does not matter here).</summary>
    private static ReadModelDelta Delta(long version, bool committed = true) => new(version, 0, new FedEnrolment[2], new FedOutcome[1], Task.FromResult(committed));
}
