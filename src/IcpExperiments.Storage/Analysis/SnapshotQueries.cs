using System.Data.Common;
using IcpExperiments.Core.Application;
using IcpExperiments.Core.Campaigns;
using IcpExperiments.Core.Outcomes;
using IcpExperiments.Core.Teams;

namespace IcpExperiments.Storage.Analysis;

/// <summary>
/// The raw reads behind an analysis (no change tracking): data version, campaign spend and the one ordered scan of
/// the accounts. Every statement filters on the team. Instants are UTC ticks, as the schema stores them.
/// </summary>
internal static class SnapshotQueries
{
    /// <summary>Column ordinals of the scans' shared layout (<see cref="AccountsSql"/>, <see cref="SegmentScan"/>).</summary>
    public const int AccountId = 0, Code = 1, At = 2, AcvCurrency = 3, AcvAmount = 4, CycleDays = 5;

    /// <summary>Row codes at or above this are outcome rows (this plus the <see cref="OutcomeKind"/> value); below it, enrolments.</summary>
    public const int OutcomeCode = 1000;

    /// <summary>
    /// The outcome half of both scans: an experiment's events up to as-of, the kind as a small integer (no per-row
    /// string), then occurred_at, acv_currency, acv_amount, cycle_days and <paramref name="trailingNulls"/> NULLs to
    /// match a wider enrolment half. Standard SQL (CASE), as on PostgreSQL.
    /// </summary>
    public static string OutcomeRowsSql(int trailingNulls) =>
        "SELECT account_id, " + OutcomeCodeSql + ", occurred_at, acv_currency, acv_amount, cycle_days" + string.Concat(Enumerable.Repeat(", NULL", trailingNulls))
        + " FROM outcomes WHERE team_id = @team AND experiment_id = @experiment AND occurred_at <= @as_of";

    /// <summary>An outcome row's code: <see cref="OutcomeCode"/> plus the kind (see <see cref="OutcomeKindOf"/>).</summary>
    public static string OutcomeCodeSql { get; } =
        "CASE kind " + string.Concat(Enum.GetValues<OutcomeKind>().Select(k => $"WHEN '{k}' THEN {OutcomeCode + (int)k} ")) + $"ELSE {OutcomeCode} END";

    /// <summary>An enrolment's arm as its index in the design (parameters @arm0…), -1 for an arm not in it.</summary>
    public static string ArmIndexSql(int armCount) =>
        "CASE arm_key " + string.Concat(Enumerable.Range(0, armCount).Select(i => $"WHEN @arm{i} THEN {i} ")) + "ELSE -1 END";

    /// <summary>
    /// Every enrolment and outcome event of the experiment up to as-of as one stream ordered by account id, an
    /// account's events before its enrolment (codes descending): a merge of the enrolments' key order with the outcomes
    /// sorted by account (O(m log m)). The outcomes table has no per-account index (it would slow ingest), and a join
    /// would leave SQLite's planner free to rescan the experiment's outcomes for every enrolment (O(n·m)); this shape
    /// cannot. An enrolment row's code is its arm's index in the design (-1 for an arm not in it);
    /// parameters @arm0… hold the design's arm keys, so no arm key is read per row either.
    /// </summary>
    public static string AccountsSql(int armCount) =>
        "SELECT account_id, " + ArmIndexSql(armCount) + ", enrolled_at, NULL, NULL, NULL FROM enrolments "
        + "WHERE team_id = @team AND experiment_id = @experiment AND enrolled_at <= @as_of "
        + "UNION ALL " + OutcomeRowsSql(0) + " ORDER BY 1, 2 DESC";

    /// <summary>The outcome kind of an outcome row's code.</summary>
    public static OutcomeKind OutcomeKindOf(long code) =>
        code > OutcomeCode && Enum.IsDefined((OutcomeKind)(code - OutcomeCode))
            ? (OutcomeKind)(code - OutcomeCode)
            : throw new InvalidOperationException($"Unknown outcome kind code {code} in the outcomes table.");

    private const string DataVersionSql = "SELECT data_version FROM experiments WHERE team_id = @team AND id = @experiment";

    private const string SpendSql = "SELECT arm_key, spend_currency, spend_amount FROM campaigns WHERE team_id = @team AND experiment_id = @experiment";

    /// <summary>The experiment's data version, or null when the team has no such experiment.</summary>
    public static async Task<long?> ReadDataVersionAsync(DbTransaction transaction, TeamId team, string experimentId, CancellationToken cancellationToken)
    {
        await using var command = Command(transaction, DataVersionSql, team, experimentId);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? null : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Campaign spend summed per arm and currency (exact decimals), inside <paramref name="transaction"/> when given.</summary>
    public static async Task<IReadOnlyList<ArmSpend>> ReadSpendAsync(DbConnection connection, DbTransaction? transaction, TeamId team, string experimentId, CancellationToken cancellationToken)
    {
        var totals = new Dictionary<(string Arm, string Currency), decimal>();
        await using var command = Command(connection, SpendSql, team, experimentId);
        command.Transaction = transaction;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = (reader.GetString(0), reader.GetString(1));
            totals[key] = totals.GetValueOrDefault(key) + reader.GetDecimal(2);
        }

        return [.. totals.Select(t => new ArmSpend(t.Key.Arm, new Money(t.Key.Currency, t.Value)))];
    }

    public static DbCommand Command(DbTransaction transaction, string sql, TeamId team, string experimentId)
    {
        var command = Command(transaction.Connection!, sql, team, experimentId);
        command.Transaction = transaction;
        return command;
    }

    public static DbCommand Command(DbConnection connection, string sql, TeamId team, string experimentId)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        AddParameter(command, "@team", team.Value);
        AddParameter(command, "@experiment", experimentId);
        return command;
    }

    public static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
