using System.Data.Common;
using IcpExperiments.Core.Accounts;
using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Analysis.Segments;
using IcpExperiments.Core.Teams;

namespace IcpExperiments.Storage.Analysis;

/// <summary>
/// The <see cref="AccountScan"/> pass with the enrolment's segment columns (industry, head count, region, revenue,
/// funding stage) on each enrolment row: the same ordered merge of enrolments and outcomes, folded the same way
/// (<see cref="AccountOutcomes"/>). Every statement filters on the team.
/// </summary>
internal static class SegmentScan
{
    private const string Sql =
        "SELECT account_id, 0 AS row_kind, arm_key, enrolled_at, NULL, NULL, NULL, industry, employee_count, region, annual_revenue, funding_stage FROM enrolments " +
        "WHERE team_id = @team AND experiment_id = @experiment AND enrolled_at <= @as_of " +
        "UNION ALL " +
        "SELECT account_id, 1, kind, occurred_at, acv_currency, acv_amount, cycle_days, NULL, NULL, NULL, NULL, NULL FROM outcomes " +
        "WHERE team_id = @team AND experiment_id = @experiment AND occurred_at <= @as_of " +
        "ORDER BY 1, 2";

    private const int AccountId = 0, RowKind = 1, ArmOrKind = 2, At = 3, Industry = 7, EmployeeCount = 8, Region = 9, AnnualRevenue = 10, FundingStage = 11;

    public static async Task<List<SegmentedAccount>> ReadAsync(DbTransaction transaction, TeamId team, string experimentId, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        await using var command = SnapshotQueries.Command(transaction, Sql, team, experimentId);
        SnapshotQueries.AddParameter(command, "@as_of", asOf.UtcTicks);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);

        var accounts = new List<SegmentedAccount>();
        (string Id, string Arm, long EnrolledAt, AccountAttributes Attributes)? current = null;
        var outcomes = default(AccountOutcomes);
        while (await reader.ReadAsync(cancellationToken))
        {
            var rowAccount = reader.GetString(AccountId);
            if (reader.GetInt64(RowKind) == 0)
            {
                if (current is { } done) accounts.Add(Segmented(done.Arm, done.EnrolledAt, done.Attributes, outcomes));
                current = (rowAccount, reader.GetString(ArmOrKind), reader.GetInt64(At), Attributes(reader));
                outcomes = default;
                continue;
            }

            if (!string.Equals(rowAccount, current?.Id, StringComparison.Ordinal)) continue;
            outcomes.AddRow(reader);
        }

        if (current is { } last) accounts.Add(Segmented(last.Arm, last.EnrolledAt, last.Attributes, outcomes));
        return accounts;
    }

    private static AccountAttributes Attributes(DbDataReader reader) => new(
        reader.IsDBNull(Industry) ? null : reader.GetString(Industry),
        reader.IsDBNull(EmployeeCount) ? null : reader.GetInt64(EmployeeCount),
        reader.IsDBNull(Region) ? null : reader.GetString(Region),
        reader.IsDBNull(AnnualRevenue) ? null : reader.GetDouble(AnnualRevenue),
        reader.IsDBNull(FundingStage) ? null : reader.GetString(FundingStage),
        [],
        new Dictionary<string, string>());

    private static SegmentedAccount Segmented(string arm, long enrolledAtTicks, AccountAttributes attributes, in AccountOutcomes outcomes) =>
        new(arm, attributes, outcomes.ToObservation(new DateTimeOffset(enrolledAtTicks, TimeSpan.Zero)));
}
