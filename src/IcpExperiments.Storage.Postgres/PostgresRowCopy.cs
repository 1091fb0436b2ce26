using IcpExperiments.Core.Enrolments;
using IcpExperiments.Storage.Conversions;
using Npgsql;
using NpgsqlTypes;

namespace IcpExperiments.Storage.Postgres;

/// <summary>
/// Binary COPY of planned enrolments, written exactly as EF writes them (enum names, UTC ticks, exact decimals). COPY is the
/// fastest way into PostgreSQL (no per-row statement, no text parsing) but checks nothing beyond the table's
/// constraints: the session checks the rows first. Values are written synchronously (a per-value await costs more than
/// the write, which only fills a buffer); the flushes of full buffers block the writer's thread, as SQLite's writes do.
/// </summary>
internal static class PostgresRowCopy
{
    private const string EnrolmentsCopy =
        "COPY enrolments (team_id, experiment_id, account_id, event_id, arm_key, campaign_id, enrolled_at, industry, employee_count, region, " +
        "annual_revenue, funding_stage, tech_stack_json, extra_json, fingerprint, recorded_at) FROM STDIN (FORMAT BINARY)";

    public static async Task CopyEnrolmentsAsync(
        NpgsqlConnection connection, IReadOnlyList<(Enrolment Enrolment, string Fingerprint)> rows, string team, string experimentId, DateTimeOffset recordedAt, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(EnrolmentsCopy, cancellationToken);
        foreach (var (enrolment, fingerprint) in rows)
        {
            var attributes = enrolment.Account.Attributes;
            importer.StartRow();
            importer.Write(team, NpgsqlDbType.Text);
            importer.Write(experimentId, NpgsqlDbType.Text);
            importer.Write(enrolment.Account.AccountId, NpgsqlDbType.Text);
            importer.Write(enrolment.EventId, NpgsqlDbType.Text);
            importer.Write(enrolment.ArmKey, NpgsqlDbType.Text);
            WriteNullable(importer, enrolment.CampaignId, NpgsqlDbType.Text);
            importer.Write(enrolment.EnrolledAt.UtcTicks, NpgsqlDbType.Bigint);
            WriteNullable(importer, attributes.Industry, NpgsqlDbType.Text);
            WriteNullable(importer, attributes.EmployeeCount, NpgsqlDbType.Bigint);
            WriteNullable(importer, attributes.Region, NpgsqlDbType.Text);
            WriteNullable(importer, attributes.AnnualRevenue, NpgsqlDbType.Double);
            WriteNullable(importer, attributes.FundingStage, NpgsqlDbType.Text);
            importer.Write(StorageJson.Serialize(attributes.TechStack), NpgsqlDbType.Text);
            importer.Write(StorageJson.Serialize(attributes.Extra), NpgsqlDbType.Text);
            importer.Write(fingerprint, NpgsqlDbType.Text);
            importer.Write(recordedAt.UtcTicks, NpgsqlDbType.Bigint);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static void WriteNullable<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type)
        where T : class
    {
        if (value is null) importer.WriteNull();
        else importer.Write(value, type);
    }

    private static void WriteNullable<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is { } present) importer.Write(present, type);
        else importer.WriteNull();
    }
}
