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
    private static readonly string Sql =
        "SELECT account_id, 0, enrolled_at, NULL, NULL, NULL, arm_key, industry, employee_count, region, annual_revenue, funding_stage FROM enrolments " +
        "WHERE team_id = @team AND experiment_id = @experiment AND enrolled_at <= @as_of " +
        "UNION ALL " + SnapshotQueries.OutcomeRowsSql(6) + " " +
        "ORDER BY 1, 2 DESC";

    private const int ArmKey = 6, Industry = 7, EmployeeCount = 8, Region = 9, AnnualRevenue = 10, FundingStage = 11;

    public static async Task<List<SegmentedAccount>> ReadAsync(DbTransaction transaction, TeamId team, string experimentId, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        await using var command = SnapshotQueries.Command(transaction, Sql, team, experimentId);
        SnapshotQueries.AddParameter(command, "@as_of", asOf.UtcTicks);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var sink = new Sink();
        await OrderedAccountRows.ReadAsync(new DbScanRows(reader), sink, cancellationToken);
        return sink.Accounts;
    }

    private sealed class Sink : IEnrolmentRowSink<DbScanRows>
    {
        // Enrolments carry no tech stack or extra attributes in this scan: one shared empty instance of each.
        private static readonly Dictionary<string, string> NoExtra = [];

        public List<SegmentedAccount> Accounts { get; } = [];

        public void Add(DbScanRows rows, long code, in AccountOutcomes outcomes)
        {
            var reader = rows.Reader;
            var attributes = new AccountAttributes(
                reader.IsDBNull(Industry) ? null : reader.GetString(Industry),
                reader.IsDBNull(EmployeeCount) ? null : reader.GetInt64(EmployeeCount),
                reader.IsDBNull(Region) ? null : reader.GetString(Region),
                reader.IsDBNull(AnnualRevenue) ? null : reader.GetDouble(AnnualRevenue),
                reader.IsDBNull(FundingStage) ? null : reader.GetString(FundingStage),
                [],
                NoExtra);
            var enrolledAt = new DateTimeOffset(reader.GetInt64(SnapshotQueries.At), TimeSpan.Zero);
            Accounts.Add(new SegmentedAccount(reader.GetString(ArmKey), attributes, outcomes.ToObservation(enrolledAt)));
        }
    }
}
