using System.Data.Common;
using IcpExperiments.Core.Application;
using IcpExperiments.Core.Campaigns;
using IcpExperiments.Core.Teams;

namespace IcpExperiments.Storage.Analysis;

/// <summary>
/// The raw reads behind an analysis (no change tracking): data version, campaign spend and the one ordered scan of
/// the accounts. Every statement filters on the team. Instants are UTC ticks, as the schema stores them.
/// </summary>
internal static class SnapshotQueries
{
    /// <summary>
    /// Enrolments in key order (account id), each left-joined with its outcome events up to as-of. The outcomes table has
    /// no per-account index (it would slow ingest); the materialized CTE lets SQLite build a transient index on account id
    /// for this one query (O(m log m)) instead of rescanning the experiment's outcomes for every enrolment.
    /// </summary>
    public const string AccountsSql =
        "WITH o AS MATERIALIZED (" +
        "SELECT account_id, kind, occurred_at, acv_currency, acv_amount, cycle_days FROM outcomes " +
        "WHERE team_id = @team AND experiment_id = @experiment AND occurred_at <= @as_of) " +
        "SELECT e.account_id, e.arm_key, e.enrolled_at, o.kind, o.occurred_at, o.acv_currency, o.acv_amount, o.cycle_days " +
        "FROM enrolments e LEFT JOIN o ON o.account_id = e.account_id " +
        "WHERE e.team_id = @team AND e.experiment_id = @experiment AND e.enrolled_at <= @as_of " +
        "ORDER BY e.account_id";

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
