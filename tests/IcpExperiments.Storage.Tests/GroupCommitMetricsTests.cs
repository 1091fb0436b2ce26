using System.Diagnostics.Metrics;
using IcpExperiments.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using static IcpExperiments.Storage.Tests.TestData;

namespace IcpExperiments.Storage.Tests;

/// <summary>The group commit's histograms as a metrics pipeline reads them: every unary write counted in exactly one transaction.</summary>
public abstract class GroupCommitMetricsTests(StorageEngine engine)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task GroupCommitMetrics_ConcurrentRecords_EveryWriteCountedOnceWithOneDurationPerTransaction()
    {
        // Arrange: listen to this database's own meter factory only (tests run in parallel).
        await using var database = await ImportChunkedInsertTests.EnrolledAsync(engine, 30);
        var factory = database.Services.GetRequiredService<IMeterFactory>();
        var writes = new List<int>();
        var seconds = new List<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, factory) && instrument.Name is IcpExperimentsMetrics.GroupCommitWritesName or IcpExperimentsMetrics.GroupCommitDurationName)
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) =>
        {
            if (instrument.Name == IcpExperimentsMetrics.GroupCommitWritesName) lock (writes) writes.Add(value);
        });
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            if (instrument.Name == IcpExperimentsMetrics.GroupCommitDurationName) lock (seconds) seconds.Add(value);
        });
        listener.Start();

        // Act: 30 writes that are stored and one that is rejected; the rejected one was decided in a transaction too.
        var calls = Enumerable.Range(0, 30).Select(i => Task.Run(() => database.Outcomes().RecordAsync(Team, "exp-1", Lost($"m-{i:D2}", $"acct-{i:D2}"), Now, None))).ToList();
        var ghost = Task.Run(() => database.Outcomes().RecordAsync(Team, "exp-1", Lost("m-ghost", "ghost"), Now, None));
        await Task.WhenAll(calls);
        await Assert.ThrowsAsync<Core.Errors.PreconditionFailedException>(() => ghost);

        // Assert
        Assert.Equal(31, writes.Sum());
        Assert.All(writes, w => Assert.InRange(w, 1, 31));
        Assert.Equal(writes.Count, seconds.Count);
        Assert.All(seconds, s => Assert.InRange(s, 0, 30));
    }

    public sealed class OnSqlite() : GroupCommitMetricsTests(StorageEngine.Sqlite);

    public sealed class OnPostgres() : GroupCommitMetricsTests(StorageEngine.Postgres);
}
