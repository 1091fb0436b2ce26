using System.Data.Common;
using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Outcomes;
using IcpExperiments.Core.Teams;

namespace IcpExperiments.Storage.Analysis;

/// <summary>
/// Streams one experiment's accounts into a <see cref="SnapshotBuilder"/> in a single forward pass over
/// <see cref="SnapshotQueries.AccountsSql"/>: rows of one account are adjacent (ordered by account id), so each
/// account's events are folded (<see cref="AccountOutcomes"/>) and handed over when the next account begins.
/// </summary>
internal static class AccountScan
{
    private const int AccountId = 0, ArmKey = 1, EnrolledAt = 2, Kind = 3, OccurredAt = 4, AcvCurrency = 5, AcvAmount = 6, CycleDays = 7;

    public static async Task ReadAsync(DbTransaction transaction, TeamId team, string experimentId, DateTimeOffset asOf, SnapshotBuilder builder, CancellationToken cancellationToken)
    {
        await using var command = SnapshotQueries.Command(transaction, SnapshotQueries.AccountsSql, team, experimentId);
        SnapshotQueries.AddParameter(command, "@as_of", asOf.UtcTicks);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);

        string? account = null;
        string arm = "";
        long enrolledAt = 0;
        var outcomes = default(AccountOutcomes);
        while (await reader.ReadAsync(cancellationToken))
        {
            var rowAccount = reader.GetString(AccountId);
            if (!string.Equals(rowAccount, account, StringComparison.Ordinal))
            {
                if (account is not null) Flush(builder, arm, enrolledAt, outcomes);
                account = rowAccount;
                arm = reader.GetString(ArmKey);
                enrolledAt = reader.GetInt64(EnrolledAt);
                outcomes = default;
            }

            if (reader.IsDBNull(Kind)) continue;
            outcomes.Add(
                Enum.Parse<OutcomeKind>(reader.GetString(Kind)),
                reader.GetInt64(OccurredAt),
                reader.IsDBNull(AcvAmount) ? null : reader.GetDecimal(AcvAmount),
                reader.IsDBNull(AcvCurrency) ? null : reader.GetString(AcvCurrency),
                reader.IsDBNull(CycleDays) ? null : reader.GetDouble(CycleDays));
        }

        if (account is not null) Flush(builder, arm, enrolledAt, outcomes);
    }

    private static void Flush(SnapshotBuilder builder, string arm, long enrolledAtTicks, in AccountOutcomes outcomes) =>
        builder.AddAccount(arm, outcomes.ToObservation(new DateTimeOffset(enrolledAtTicks, TimeSpan.Zero)), outcomes.AcvCurrency);
}
