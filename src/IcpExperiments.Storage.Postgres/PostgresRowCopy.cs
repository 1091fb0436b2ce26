using IcpExperiments.Core.Enrolments;
using IcpExperiments.Core.Outcomes;
using IcpExperiments.Storage.Conversions;
using Npgsql;
using NpgsqlTypes;

namespace IcpExperiments.Storage.Postgres;

/// <summary>
/// Binary COPY of planned rows, written exactly as EF writes them (enum names, UTC ticks, exact decimals). COPY is the
/// fastest way into PostgreSQL (no per-row statement, no text parsing) but checks nothing beyond the table's
/// constraints, which is why outcomes go to the staging table first.
/// </summary>
internal static class PostgresRowCopy
{
    private const string EnrolmentsCopy =
        "COPY enrolments (team_id, experiment_id, account_id, event_id, arm_key, campaign_id, enrolled_at, industry, employee_count, region, " +
        "annual_revenue, funding_stage, tech_stack_json, extra_json, fingerprint, recorded_at) FROM STDIN (FORMAT BINARY)";

    private const string OutcomesCopy =
        $"COPY {PostgresWriter.OutcomeStaging} (event_id, account_id, kind, occurred_at, acv_currency, acv_amount, cycle_days, fingerprint) FROM STDIN (FORMAT BINARY)";

    public static async Task CopyEnrolmentsAsync(
        NpgsqlConnection connection, IReadOnlyList<(Enrolment Enrolment, string Fingerprint)> rows, string team, string experimentId, DateTimeOffset recordedAt, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(EnrolmentsCopy, cancellationToken);
        foreach (var (enrolment, fingerprint) in rows)
        {
            var attributes = enrolment.Account.Attributes;
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(team, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(experimentId, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(enrolment.Account.AccountId, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(enrolment.EventId, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(enrolment.ArmKey, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(importer, enrolment.CampaignId, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(enrolment.EnrolledAt.UtcTicks, NpgsqlDbType.Bigint, cancellationToken);
            await WriteNullableAsync(importer, attributes.Industry, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(importer, attributes.EmployeeCount, NpgsqlDbType.Bigint, cancellationToken);
            await WriteNullableAsync(importer, attributes.Region, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(importer, attributes.AnnualRevenue, NpgsqlDbType.Double, cancellationToken);
            await WriteNullableAsync(importer, attributes.FundingStage, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(StorageJson.Serialize(attributes.TechStack), NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(StorageJson.Serialize(attributes.Extra), NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(fingerprint, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(recordedAt.UtcTicks, NpgsqlDbType.Bigint, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    /// <summary>Copies the outcomes into the writer's staging table (emptied by the commit or by a rollback to the savepoint).</summary>
    public static async Task CopyOutcomesAsync(NpgsqlConnection connection, IReadOnlyList<(OutcomeEvent Outcome, string Fingerprint)> rows, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(OutcomesCopy, cancellationToken);
        foreach (var (outcome, fingerprint) in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(outcome.EventId, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(outcome.AccountId, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(KindName(outcome.Kind), NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(outcome.OccurredAt.UtcTicks, NpgsqlDbType.Bigint, cancellationToken);
            await WriteNullableAsync(importer, outcome.Acv?.CurrencyCode, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(importer, outcome.Acv?.Amount, NpgsqlDbType.Numeric, cancellationToken);
            await WriteNullableAsync(importer, outcome.CycleDays, NpgsqlDbType.Double, cancellationToken);
            await importer.WriteAsync(fingerprint, NpgsqlDbType.Text, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : class =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, type, cancellationToken);

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct =>
        value is { } present ? importer.WriteAsync(present, type, cancellationToken) : importer.WriteNullAsync(cancellationToken);

    // The names EF stores for the enum, without formatting one per row.
    private static string KindName(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Converted => nameof(OutcomeKind.Converted),
        OutcomeKind.Lost => nameof(OutcomeKind.Lost),
        _ => kind.ToString(),
    };
}
