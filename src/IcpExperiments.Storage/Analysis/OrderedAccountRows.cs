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
    public static async Task ReadAsync<TRows, TSink>(TRows rows, TSink sink, CancellationToken cancellationToken)
        where TRows : IScanRows
        where TSink : IEnrolmentRowSink<TRows>
    {
        bool pending = false;
        var outcomes = default(AccountOutcomes);
        while (await rows.ReadAsync(cancellationToken))
        {
            long code = rows.GetInt64(SnapshotQueries.Code);
            if (code >= SnapshotQueries.OutcomeCode)
            {
                if (!pending || !rows.IsRememberedAccount())
                {
                    rows.RememberAccount();
                    pending = true;
                    outcomes = default;
                }

                outcomes.AddRow(rows, code);
                continue;
            }

            if (pending && !rows.IsRememberedAccount()) outcomes = default;
            sink.Add(rows, code, outcomes);
            pending = false;
            outcomes = default;
        }
    }
}
