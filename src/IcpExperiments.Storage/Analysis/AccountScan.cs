using System.Data.Common;
using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Teams;

namespace IcpExperiments.Storage.Analysis;

/// <summary>
/// Streams one experiment's accounts into a <see cref="SnapshotBuilder"/> in a single forward pass over
/// <see cref="SnapshotQueries.AccountsSql"/>: each account's enrolment row is followed by its outcome rows, which are
/// folded (<see cref="AccountOutcomes"/>) and handed over when the next enrolment begins. Outcome rows of an account
/// not enrolled as of the instant (enrolled later) are skipped.
/// </summary>
internal static class AccountScan
{
    private const int AccountId = 0, RowKind = 1, ArmOrKind = 2, At = 3;

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
            if (reader.GetInt64(RowKind) == 0)
            {
                if (account is not null) Flush(builder, arm, enrolledAt, outcomes);
                account = rowAccount;
                arm = reader.GetString(ArmOrKind);
                enrolledAt = reader.GetInt64(At);
                outcomes = default;
                continue;
            }

            if (!string.Equals(rowAccount, account, StringComparison.Ordinal)) continue;
            outcomes.AddRow(reader);
        }

        if (account is not null) Flush(builder, arm, enrolledAt, outcomes);
    }

    private static void Flush(SnapshotBuilder builder, string arm, long enrolledAtTicks, in AccountOutcomes outcomes) =>
        builder.AddAccount(arm, outcomes.ToObservation(new DateTimeOffset(enrolledAtTicks, TimeSpan.Zero)), outcomes.AcvCurrency);
}
