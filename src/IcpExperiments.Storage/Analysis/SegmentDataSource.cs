using IcpExperiments.Core.Analysis.Segments;
using IcpExperiments.Core.Application;
using IcpExperiments.Core.Teams;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IcpExperiments.Storage.Analysis;

/// <summary>Reads the segment scan in its own scope and read transaction (a singleton, like <see cref="AnalysisDataSource"/>).</summary>
internal sealed class SegmentDataSource(IServiceScopeFactory scopes) : ISegmentDataSource
{
    public async Task<IReadOnlyList<SegmentedAccount>> ReadAccountsAsync(TeamId team, string experimentId, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IcpExperimentsDbContext>();
        using var trace = Telemetry.StorageTelemetry.TraceRead(db, "segments", experimentId);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await using var transaction = connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var accounts = await SegmentScan.ReadAsync(transaction, team, experimentId, asOf, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        trace.Committed();
        return accounts;
    }
}
