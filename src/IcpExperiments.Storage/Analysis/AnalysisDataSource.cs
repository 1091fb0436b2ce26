using System.Data;
using System.Data.Common;
using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Application;
using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Core.Teams;
using IcpExperiments.Storage.Analysis.ReadModel;
using IcpExperiments.Storage.Mapping;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IcpExperiments.Storage.Analysis;

/// <summary>
/// Storage's side of the analyzer. A singleton (the analyzer and its cache outlive requests), so every call opens its
/// own scope and DbContext. The snapshot is read in one read transaction (a deferred one on SQLite, which takes no
/// write lock), so the data version returned is exactly the one the accounts reflect. Where the provider allows it
/// (SQLite), the accounts come from the experiment's in-memory read model (<see cref="ReadModelSnapshots"/>), brought to
/// that data version inside the transaction; otherwise, and for an as-of the model cannot answer, from the ordered scan.
/// </summary>
internal sealed class AnalysisDataSource(IServiceScopeFactory scopes, IStorageProvider provider, ReadModelSnapshots readModel) : IAnalysisDataSource
{
    /// <summary>Reads in a new transaction when the read model was already newer, at most this many times, then scans.</summary>
    private const int MaxReadModelAttempts = 3;

    public async Task<AnalysisInputs> ReadInputsAsync(TeamId team, string experimentId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IcpExperimentsDbContext>();
        var row = await db.Experiments.AsNoTracking().SingleOrDefaultAsync(e => e.TeamId == team.Value && e.Id == experimentId, cancellationToken)
            ?? throw new NotFoundException("Experiment", experimentId);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var spend = await SnapshotQueries.ReadSpendAsync(db.Database.GetDbConnection(), null, team, experimentId, cancellationToken);
        return new AnalysisInputs(ExperimentMapper.ToDomain(row), row.DataVersion, spend);
    }

    public async Task<LoadedSnapshot> LoadSnapshotAsync(TeamId team, Experiment experiment, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        for (int attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IcpExperimentsDbContext>();
            using var trace = Telemetry.StorageTelemetry.TraceRead(db, "snapshot", experiment.Id);
            await db.Database.OpenConnectionAsync(cancellationToken);
            var connection = db.Database.GetDbConnection();
            await using var transaction = BeginRead(connection);

            var version = await SnapshotQueries.ReadDataVersionAsync(transaction, team, experiment.Id, cancellationToken)
                ?? throw new NotFoundException("Experiment", experiment.Id);
            var builder = new SnapshotBuilder(experiment.Design, asOf);
            foreach (var spend in await SnapshotQueries.ReadSpendAsync(connection, transaction, team, experiment.Id, cancellationToken))
                builder.AddSpend(spend.ArmKey, spend.Spend);
            var fill = connection is SqliteConnection sqlite && provider.SupportsAnalysisReadModel && readModel.Enabled && attempt <= MaxReadModelAttempts
                ? await readModel.TryFillAsync(sqlite, team, experiment, version, asOf, builder, cancellationToken)
                : ReadModelFill.Scan;
            if (fill == ReadModelFill.Retry) continue;
            if (fill == ReadModelFill.Scan) await AccountScan.ReadAsync(transaction, team, experiment.Id, experiment.Design, asOf, builder, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            trace.Committed();
            return new LoadedSnapshot(builder.Build(), version);
        }
    }

    private static DbTransaction BeginRead(DbConnection connection) =>
        connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : connection.BeginTransaction(IsolationLevel.RepeatableRead);
}
