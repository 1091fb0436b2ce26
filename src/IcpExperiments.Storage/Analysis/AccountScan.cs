using System.Data.Common;
using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Core.Teams;

namespace IcpExperiments.Storage.Analysis;

/// <summary>
/// Streams one experiment's accounts into a <see cref="SnapshotBuilder"/> in a single forward pass over
/// <see cref="SnapshotQueries.AccountsSql"/> (<see cref="OrderedAccountRows"/>): per account its arm's index, enrolment
/// ticks and folded outcome, no string per row beyond the account ids that decide the fold.
/// </summary>
internal static class AccountScan
{
    public static async Task ReadAsync(DbTransaction transaction, TeamId team, string experimentId, ExperimentDesign design, DateTimeOffset asOf, SnapshotBuilder builder, CancellationToken cancellationToken)
    {
        var arms = design.Arms.ToList();
        await using var command = SnapshotQueries.Command(transaction, SnapshotQueries.AccountsSql(arms.Count), team, experimentId);
        SnapshotQueries.AddParameter(command, "@as_of", asOf.UtcTicks);
        for (int i = 0; i < arms.Count; i++) SnapshotQueries.AddParameter(command, $"@arm{i}", arms[i].Key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await OrderedAccountRows.ReadAsync(reader, new Sink(builder), cancellationToken);
    }

    private sealed class Sink(SnapshotBuilder builder) : IEnrolmentRowSink
    {
        public void Add(DbDataReader reader, long code, in AccountOutcomes outcomes)
        {
            if (code < 0) throw new ValidationFailedException("arm_key", "An enrolment's arm is not an arm of this experiment.");
            var enrolledAt = new DateTimeOffset(reader.GetInt64(SnapshotQueries.At), TimeSpan.Zero);
            builder.AddAccount((int)code, outcomes.ToObservation(enrolledAt), outcomes.AcvCurrency);
        }
    }
}
