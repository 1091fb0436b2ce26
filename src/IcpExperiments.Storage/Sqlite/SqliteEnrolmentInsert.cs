using IcpExperiments.Core.Enrolments;
using IcpExperiments.Storage.Conversions;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace IcpExperiments.Storage.Sqlite;

/// <summary>
/// Inserts enrolments with native multi-row prepared statements bound by position (<see cref="SqliteMultiRowInsert{TRow}"/>).
/// The planner has already decided every row, so this is a plain insert: a key clash is an error. Values are written
/// exactly as EF writes them: UTC ticks, the attribute lists as <see cref="StorageJson"/>.
/// </summary>
internal sealed class SqliteEnrolmentInsert(SqliteConnection connection) : SqliteMultiRowInsert<(Enrolment Enrolment, string Fingerprint)>(connection)
{
    private const int ParametersPerRow = 13;
    private const string EmptyList = "[]";
    private const string EmptyObject = "{}";

    protected override string Sql(int rows) =>
        "INSERT INTO enrolments (team_id, experiment_id, recorded_at, account_id, event_id, arm_key, campaign_id, enrolled_at, industry, " +
        "employee_count, region, annual_revenue, funding_stage, tech_stack_json, extra_json, fingerprint) " +
        $"SELECT ?1, ?2, ?3, v.* FROM (VALUES {ValueRows(rows, ParametersPerRow, FirstRowParameter)}) AS v";

    /// <summary>Inserts every row, in order, stamped <paramref name="recordedAt"/>.</summary>
    public void InsertAll(IReadOnlyList<(Enrolment Enrolment, string Fingerprint)> rows, string team, string experimentId, DateTimeOffset recordedAt) =>
        InsertInOrder(rows, team, experimentId, recordedAt);

    protected override void Bind(sqlite3_stmt statement, int row, (Enrolment Enrolment, string Fingerprint) item)
    {
        var (enrolment, fingerprint) = item;
        var attributes = enrolment.Account.Attributes;
        int at = FirstRowParameter + row * ParametersPerRow;
        BindText(statement, at, enrolment.Account.AccountId);
        BindText(statement, at + 1, enrolment.EventId);
        BindText(statement, at + 2, enrolment.ArmKey);
        BindText(statement, at + 3, enrolment.CampaignId);
        BindInt64(statement, at + 4, enrolment.EnrolledAt.UtcTicks);
        BindText(statement, at + 5, attributes.Industry);
        BindInt64(statement, at + 6, attributes.EmployeeCount);
        BindText(statement, at + 7, attributes.Region);
        BindDouble(statement, at + 8, attributes.AnnualRevenue);
        BindText(statement, at + 9, attributes.FundingStage);
        // Most accounts carry no lists: their JSON is a constant, no serializer call (same text as StorageJson writes).
        BindText(statement, at + 10, attributes.TechStack.Count == 0 ? EmptyList : StorageJson.Serialize(attributes.TechStack));
        BindText(statement, at + 11, attributes.Extra.Count == 0 ? EmptyObject : StorageJson.Serialize(attributes.Extra));
        BindText(statement, at + 12, fingerprint);
    }
}
