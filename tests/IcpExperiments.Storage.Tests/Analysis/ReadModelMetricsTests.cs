using System.Diagnostics.Metrics;
using IcpExperiments.Core.Application;
using IcpExperiments.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using static IcpExperiments.Storage.Tests.TestData;

namespace IcpExperiments.Storage.Tests.Analysis;

/// <summary>The read model's update counter as an operator's metrics pipeline reads it: one series per path.</summary>
public sealed class ReadModelMetricsTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task UpdatesMetric_FirstLoadThenOwnWrite_ReportsOneFullLoadAndOneFedUpdate()
    {
        // Arrange
        await using var database = await OutcomeRepositoryTests.CreateRunningAsync(StorageEngine.Sqlite);
        var writer = new RandomOutcomeWriter(database, 23);
        var experiment = await database.Experiments().GetAsync(Team, "exp-1", None);
        var source = database.Services.GetRequiredService<IAnalysisDataSource>();
        await writer.EnrolAsync(20);
        await writer.RecordAsync(20);

        // Act: the first read loads every row, the next one after a write of this process is fed.
        await source.LoadSnapshotAsync(Team, experiment, Now, None);
        await writer.RecordAsync(10);
        await source.LoadSnapshotAsync(Team, experiment, Now, None);
        var reported = Read(database);

        // Assert
        Assert.Equal(1, reported[IcpExperimentsMetrics.ReadModelFullLoad]);
        Assert.Equal(0, reported[IcpExperimentsMetrics.ReadModelSqlCatchUp]);
        Assert.Equal(1, reported[IcpExperimentsMetrics.ReadModelFed]);
    }

    /// <summary>The counter's values by path, from this database's own meter factory only (tests run in parallel).</summary>
    private static Dictionary<string, long> Read(TestDatabase database)
    {
        var factory = database.Services.GetRequiredService<IMeterFactory>();
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, factory) && instrument.Name == IcpExperimentsMetrics.ReadModelUpdatesName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == IcpExperimentsMetrics.ReadModelPathAttribute) values[(string)tag.Value!] = value;
            }
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return values;
    }
}
