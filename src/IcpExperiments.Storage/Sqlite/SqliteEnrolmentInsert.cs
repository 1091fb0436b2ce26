using IcpExperiments.Core.Enrolments;
using IcpExperiments.Storage.Conversions;
using Microsoft.Data.Sqlite;

namespace IcpExperiments.Storage.Sqlite;

/// <summary>A prepared INSERT into <c>enrolments</c> whose parameters are rebound for each row; the command stays its owner's.</summary>
internal sealed class SqliteEnrolmentInsert
{
    public const string Sql =
        "INSERT INTO enrolments (team_id, experiment_id, account_id, event_id, arm_key, campaign_id, enrolled_at, industry, employee_count, region, " +
        "annual_revenue, funding_stage, tech_stack_json, extra_json, fingerprint, recorded_at) VALUES ($team, $experiment, $account, $event, $arm, " +
        "$campaign, $enrolled_at, $industry, $employees, $region, $revenue, $funding, $tech, $extra, $fingerprint, $recorded_at)";

    private readonly SqliteCommand command;
    private readonly SqliteParameter account, eventId, arm, campaign, enrolledAt, industry, employees, region, revenue, funding, tech, extra, fingerprint;

    public SqliteEnrolmentInsert(SqliteCommand command, DateTimeOffset recordedAt)
    {
        this.command = command;
        account = Add("$account", SqliteType.Text);
        eventId = Add("$event", SqliteType.Text);
        arm = Add("$arm", SqliteType.Text);
        campaign = Add("$campaign", SqliteType.Text);
        enrolledAt = Add("$enrolled_at", SqliteType.Integer);
        industry = Add("$industry", SqliteType.Text);
        employees = Add("$employees", SqliteType.Integer);
        region = Add("$region", SqliteType.Text);
        revenue = Add("$revenue", SqliteType.Real);
        funding = Add("$funding", SqliteType.Text);
        tech = Add("$tech", SqliteType.Text);
        extra = Add("$extra", SqliteType.Text);
        fingerprint = Add("$fingerprint", SqliteType.Text);
        Add("$recorded_at", SqliteType.Integer).Value = recordedAt.UtcTicks;
        command.Prepare();
    }

    public void Execute(Enrolment enrolment, string contentFingerprint)
    {
        var attributes = enrolment.Account.Attributes;
        account.Value = enrolment.Account.AccountId;
        eventId.Value = enrolment.EventId;
        arm.Value = enrolment.ArmKey;
        campaign.Value = (object?)enrolment.CampaignId ?? DBNull.Value;
        enrolledAt.Value = enrolment.EnrolledAt.UtcTicks;
        industry.Value = (object?)attributes.Industry ?? DBNull.Value;
        employees.Value = (object?)attributes.EmployeeCount ?? DBNull.Value;
        region.Value = (object?)attributes.Region ?? DBNull.Value;
        revenue.Value = (object?)attributes.AnnualRevenue ?? DBNull.Value;
        funding.Value = (object?)attributes.FundingStage ?? DBNull.Value;
        tech.Value = StorageJson.Serialize(attributes.TechStack);
        extra.Value = StorageJson.Serialize(attributes.Extra);
        fingerprint.Value = contentFingerprint;
        command.ExecuteNonQuery();
    }

    private SqliteParameter Add(string name, SqliteType type) => command.Parameters.Add(name, type);
}
