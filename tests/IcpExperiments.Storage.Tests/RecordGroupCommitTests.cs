using IcpExperiments.Core.Application;
using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Outcomes;
using IcpExperiments.Core.Paging;
using Microsoft.Extensions.DependencyInjection;
using static IcpExperiments.Storage.Tests.TestData;

namespace IcpExperiments.Storage.Tests;

/// <summary>Concurrent unary records share transactions (group commit); each caller must still get exactly its own verdict.</summary>
public abstract class RecordGroupCommitTests(StorageEngine engine)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task RecordAsync_ManyConcurrentCalls_EachGetsItsOwnVerdictAndEveryValidRowIsStoredOnce()
    {
        // Arrange
        await using var database = await ImportChunkedInsertTests.EnrolledAsync(engine, 40);
        var version = await database.DataVersions().GetAsync(Team, "exp-1", None);
        var repositories = Enumerable.Range(0, 41).Select(_ => database.Outcomes()).ToList();

        // Act
        var calls = repositories.Select((repository, i) => Task.Run(() => i < 40
            ? repository.RecordAsync(Team, "exp-1", Lost($"u-{i:D2}", $"acct-{i:D2}"), Now, None)
            : repository.RecordAsync(Team, "exp-1", Lost("u-ghost", "ghost"), Now, None))).ToList();
        var outcomes = await Task.WhenAll(calls.Take(40));
        var ghost = await Assert.ThrowsAsync<PreconditionFailedException>(() => calls[40]);

        // Assert
        Assert.All(outcomes, o => Assert.Equal(RecordDisposition.Accepted, o.Disposition));
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"u-{i:D2}"), outcomes.Select(o => o.Event.EventId));
        Assert.Equal("ACCOUNT_NOT_ENROLLED", ghost.Reason);
        var stored = (await database.Outcomes().ListOutcomesAsync(Team, "exp-1", new PageRequest(100, null), None)).Items;
        Assert.Equal(40, stored.Count);
        var bumps = await database.DataVersions().GetAsync(Team, "exp-1", None) - version;
        Assert.InRange(bumps, 1, 40);
    }

    [Fact]
    public async Task RecordAsync_StoredOrRejected_WakesThatExperimentsWatchersBeforeTheCallReturns()
    {
        // Arrange
        await using var database = await ImportChunkedInsertTests.EnrolledAsync(engine, 1);
        var signal = database.Services.GetRequiredService<ExperimentChangeSignal>();
        var watched = signal.NextChangeAsync(Team, "exp-1");
        var other = signal.NextChangeAsync(Team, "exp-2");

        // Act
        await database.Outcomes().RecordAsync(Team, "exp-1", Lost("u-1", "acct-00"), Now, None);
        bool wokenByStored = watched.IsCompleted;
        var watchedAgain = signal.NextChangeAsync(Team, "exp-1");
        await Assert.ThrowsAsync<PreconditionFailedException>(() => database.Outcomes().RecordAsync(Team, "exp-1", Lost("u-2", "ghost"), Now, None));

        // Assert
        Assert.True(wokenByStored);
        Assert.True(watchedAgain.IsCompleted);
        Assert.False(other.IsCompleted);
    }

    [Fact]
    public async Task RecordAsync_SameEventConcurrently_OneAcceptedTheOthersDuplicatesReturningTheOriginal()
    {
        // Arrange
        await using var database = await ImportChunkedInsertTests.EnrolledAsync(engine, 1);
        var repositories = Enumerable.Range(0, 10).Select(_ => database.Outcomes()).ToList();

        // Act
        var results = await Task.WhenAll(repositories.Select((repository, i) =>
            Task.Run(() => repository.RecordAsync(Team, "exp-1", Lost("same", "acct-00"), Now.AddSeconds(i), None))));

        // Assert
        Assert.Single(results, r => r.Disposition == RecordDisposition.Accepted);
        Assert.Equal(9, results.Count(r => r.Disposition == RecordDisposition.Duplicate));
        Assert.Single(results.Select(r => r.RecordedAt).Distinct());
    }

    [Fact]
    public async Task RecordAsync_CancelledBeforeItsRowWasTaken_GivesTheRowUpAndLaterCallsStillCommit()
    {
        // Arrange: another writer holds the gate, so the group commit cannot take the row yet.
        await using var database = await ImportChunkedInsertTests.EnrolledAsync(engine, 2);
        var gate = await database.Services.GetRequiredService<IStorageProvider>().EnterWriteAsync(None);
        using var cancellation = new CancellationTokenSource();
        var cancelled = database.Outcomes().RecordAsync(Team, "exp-1", Lost("given-up", "acct-00"), Now, cancellation.Token);

        // Act
        await cancellation.CancelAsync();
        var thrown = await Record.ExceptionAsync(() => cancelled);
        gate.Dispose();
        var later = await database.Outcomes().RecordAsync(Team, "exp-1", Lost("later", "acct-01"), Now, None);

        // Assert
        Assert.IsAssignableFrom<OperationCanceledException>(thrown);
        Assert.Equal(RecordDisposition.Accepted, later.Disposition);
        var stored = (await database.Outcomes().ListOutcomesAsync(Team, "exp-1", new PageRequest(10, null), None)).Items;
        Assert.Equal(["later"], stored.Select(o => o.Event.EventId));
    }

    [Fact]
    public async Task RecordAsync_WritesIntoTwoExperimentsAtOnce_EachCheckedAgainstItsOwnExperiment()
    {
        // Arrange: the same account id enrolled only in exp-1; exp-2 is running with nobody enrolled.
        await using var database = await ImportChunkedInsertTests.EnrolledAsync(engine, 1);
        await database.Experiments().CreateAsync(Team, Experiment("exp-2"), None);
        var first = database.Outcomes();
        var second = database.Outcomes();

        // Act
        var intoFirst = first.RecordAsync(Team, "exp-1", Lost("one", "acct-00"), Now, None);
        var intoSecond = second.RecordAsync(Team, "exp-2", Lost("two", "acct-00"), Now, None);

        // Assert
        Assert.Equal(RecordDisposition.Accepted, (await intoFirst).Disposition);
        Assert.Equal("ACCOUNT_NOT_ENROLLED", (await Assert.ThrowsAsync<PreconditionFailedException>(() => intoSecond)).Reason);
    }

    public sealed class OnSqlite() : RecordGroupCommitTests(StorageEngine.Sqlite);

    public sealed class OnPostgres() : RecordGroupCommitTests(StorageEngine.Postgres);
}
