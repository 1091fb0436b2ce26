using System.Data.Common;

namespace IcpExperiments.Storage.Analysis;

/// <summary>
/// The forward pass both scans share over rows in <see cref="SnapshotQueries"/>' layout, ordered by account with an
/// account's outcome rows before its enrolment row: outcome rows are folded (<see cref="AccountOutcomes"/>) and handed
/// over with the enrolment that follows them. Account ids are read only where they decide something (outcome rows, and
/// the enrolment right after them), so an account without events costs no string. Outcomes of an account not enrolled
/// as of the instant (its enrolment row is filtered out) are dropped when the next account's rows begin.
/// </summary>
internal static class OrderedAccountRows
{
    public static async Task ReadAsync<TSink>(DbDataReader reader, TSink sink, CancellationToken cancellationToken)
        where TSink : IEnrolmentRowSink
    {
        string? pendingAccount = null;
        var outcomes = default(AccountOutcomes);
        while (await reader.ReadAsync(cancellationToken))
        {
            long code = reader.GetInt64(SnapshotQueries.Code);
            if (code >= SnapshotQueries.OutcomeCode)
            {
                var account = reader.GetString(SnapshotQueries.AccountId);
                if (!string.Equals(account, pendingAccount, StringComparison.Ordinal))
                {
                    pendingAccount = account;
                    outcomes = default;
                }

                outcomes.AddRow(reader, code);
                continue;
            }

            if (pendingAccount is not null && !string.Equals(reader.GetString(SnapshotQueries.AccountId), pendingAccount, StringComparison.Ordinal))
                outcomes = default;
            sink.Add(reader, code, outcomes);
            pendingAccount = null;
            outcomes = default;
        }
    }
}
