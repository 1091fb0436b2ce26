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

    private static PendingDeltas CreateSut(long[] versions, int maxRows = 1_000)
    {
        var sut = new PendingDeltas(maxRows);
        foreach (long version in versions) sut.Add(Delta(version));
        return sut;
    }

    /// <summary>A delta of two enrolments and one outcome (their content does not matter here).</summary>
    private static ReadModelDelta Delta(long version) => new(version, 0, new FedEnrolment[2], new FedOutcome[1]);
}
