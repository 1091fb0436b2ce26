using System.Diagnostics.Metrics;
using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Core.Teams;
using Microsoft.Data.Sqlite;

namespace IcpExperiments.Storage.Analysis.ReadModel;

/// <summary>
/// Builds an analysis snapshot from the experiment's read model, first bringing the model to the data version the
/// caller read in its transaction: equal, nothing to read; older, apply this process's own committed writes since (the
/// <see cref="ReadModelFeed"/>) when they are every version in between, otherwise catch up with the rows recorded since
/// (or load everything again when the catch-up cannot prove itself complete); newer (another call caught up meanwhile),
/// the caller reads again. A model is never served at a version other than the one read in the same transaction, which
/// is what keeps replicas and other processes writing the same file correct. One caller at a time per experiment.
/// </summary>
internal sealed class ReadModelSnapshots
{
    private readonly AnalysisReadModels models;
    private long fullLoads;
    private long catchUps;
    private long fedCatchUps;

    /// <summary>With <paramref name="meters"/> (the host's), the counters below are also published (<see cref="ReadModelMetrics"/>).</summary>
    public ReadModelSnapshots(AnalysisReadModels models, IMeterFactory? meters = null)
    {
        this.models = models;
        if (meters is not null) ReadModelMetrics.Observe(meters, this);
    }

    public bool Enabled => models.Enabled;

    /// <summary>Models loaded from every row so far (first loads, and catch-ups that could not prove themselves complete).</summary>
    public long FullLoads => Interlocked.Read(ref fullLoads);

    /// <summary>Models brought up to date by SQL with only the rows recorded since.</summary>
    public long CatchUps => Interlocked.Read(ref catchUps);

    /// <summary>Models brought up to date from this process's own committed writes, without SQL.</summary>
    public long FedCatchUps => Interlocked.Read(ref fedCatchUps);

    public async Task<ReadModelFill> TryFillAsync(
        SqliteConnection connection, TeamId team, Experiment experiment, long dataVersion, DateTimeOffset asOf, SnapshotBuilder builder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var entry = models.Get(team.Value, experiment.Id);
        await entry.Lock.WaitAsync(cancellationToken);
        try
        {
            var armKeys = experiment.Design.Arms.Select(a => a.Key).ToList();
            var state = await BringUpToDateAsync(entry, connection, team, experiment.Id, armKeys, dataVersion, cancellationToken);
            models.Resized(entry);
            if (state != ReadModelFill.Filled) return state;
            if (!FactsSnapshot.CanFill(entry.Facts!, asOf.UtcTicks)) return ReadModelFill.Scan;
            FactsSnapshot.Fill(entry.Facts!, asOf.UtcTicks, builder);
            return ReadModelFill.Filled;
        }
        finally
        {
            entry.Lock.Release();
        }
    }

    private async Task<ReadModelFill> BringUpToDateAsync(
        ReadModelEntry entry, SqliteConnection connection, TeamId team, string experimentId, List<string> armKeys, long dataVersion, CancellationToken cancellationToken)
    {
        if (entry.UnusableAtVersion == dataVersion) return ReadModelFill.Scan;
        var facts = entry.Facts;
        if (facts is not null && !facts.ArmKeys.SequenceEqual(armKeys, StringComparer.Ordinal)) facts = null;
        if (facts?.DataVersion == dataVersion) return ReadModelFill.Filled;
        if (facts?.DataVersion > dataVersion) return ReadModelFill.Retry;

        // Detached while it changes: a failure half-way (cancellation, I/O) must not leave half-applied facts behind.
        entry.Facts = null;
        entry.Pending.Start();
        var fed = entry.Pending.TakeChain(facts?.DataVersion ?? dataVersion, dataVersion);
        if (fed is not null && !await AllCommittedAsync(fed, cancellationToken)) fed = null;
        if (facts is not null && fed is not null && fed.TrueForAll(delta => delta.ApplyTo(facts)))
        {
            Interlocked.Increment(ref fedCatchUps);
        }
        else if (facts is not null && fed is null && await FactsReader.CatchUpAsync(connection, team, experimentId, facts, cancellationToken))
        {
            Interlocked.Increment(ref catchUps);
        }
        else
        {
            Interlocked.Increment(ref fullLoads);
            facts = new ExperimentFacts(armKeys);
            if (!await FactsReader.LoadAllAsync(connection, team, experimentId, facts, cancellationToken))
            {
                entry.Pending.Stop();
                entry.UnusableAtVersion = dataVersion;
                return ReadModelFill.Scan;
            }
        }

        facts.DataVersion = dataVersion;
        entry.Facts = facts;
        return ReadModelFill.Filled;
    }

    /// <summary>
    /// Waits for the deltas' commits: this transaction saw their versions, so a commit still under way (SQLite runs the
    /// WAL checkpoint inside the commit call, after the rows are visible) is about to report success; false when one
    /// failed (the version seen was then written by another process).
    /// </summary>
    private static async Task<bool> AllCommittedAsync(List<ReadModelDelta> deltas, CancellationToken cancellationToken)
    {
        foreach (var delta in deltas)
        {
            if (!await delta.Committed.WaitAsync(cancellationToken)) return false;
        }

        return true;
    }
}
