using System.Data.Common;
using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Core.Teams;
using Microsoft.Data.Sqlite;

namespace IcpExperiments.Storage.Analysis;

/// <summary>
/// Streams one experiment's accounts into a <see cref="SnapshotBuilder"/> in a single forward pass over
/// <see cref="SnapshotQueries.AccountsSql"/> (<see cref="OrderedAccountRows"/>): per account its arm's index, enrolment
/// ticks and folded outcome, no string per row beyond the account ids that decide the fold. On SQLite the rows are
/// read from the native statement (<see cref="SqliteScanRows"/>), elsewhere through ADO.NET; the SQL is the same.
/// </summary>
internal static class AccountScan
{
    public static async Task ReadAsync(DbTransaction transaction, TeamId team, string experimentId, ExperimentDesign design, DateTimeOffset asOf, SnapshotBuilder builder, CancellationToken cancellationToken)
    {
        var arms = design.Arms.ToList();
        string sql = SnapshotQueries.AccountsSql(arms.Count);
        if (transaction.Connection is SqliteConnection sqlite)
        {
            var parameters = new Dictionary<string, object> { ["@team"] = team.Value, ["@experiment"] = experimentId, ["@as_of"] = asOf.UtcTicks };
            for (int i = 0; i < arms.Count; i++) parameters[$"@arm{i}"] = arms[i].Key;
            using var rows = SqliteScanRows.Open(sqlite, sql, parameters);
            await OrderedAccountRows.ReadAsync(rows, new Sink<SqliteScanRows>(builder), cancellationToken);
            return;
        }

        await using var command = SnapshotQueries.Command(transaction, sql, team, experimentId);
        SnapshotQueries.AddParameter(command, "@as_of", asOf.UtcTicks);
        for (int i = 0; i < arms.Count; i++) SnapshotQueries.AddParameter(command, $"@arm{i}", arms[i].Key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await OrderedAccountRows.ReadAsync(new DbScanRows(reader), new Sink<DbScanRows>(builder), cancellationToken);
    }

    private sealed class Sink<TRows>(SnapshotBuilder builder) : IEnrolmentRowSink<TRows>
        where TRows : IScanRows
    {
        public void Add(TRows reader, long code, in AccountOutcomes outcomes)
        {
            if (code < 0) throw new ValidationFailedException("arm_key", "An enrolment's arm is not an arm of this experiment.");
            var enrolledAt = new DateTimeOffset(reader.GetInt64(SnapshotQueries.At), TimeSpan.Zero);
            builder.AddAccount((int)code, outcomes.ToObservation(enrolledAt), outcomes.AcvCurrency);
        }
    }
}
