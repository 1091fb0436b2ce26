using System.Data;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Core.Teams;
using IcpExperiments.Storage.Conversions;
using IcpExperiments.Storage.Ingest;
using Npgsql;
using NpgsqlTypes;

namespace IcpExperiments.Storage.Postgres;

/// <summary>
/// The PostgreSQL ingest transaction, on the process's writer connection (<see cref="PostgresWriter"/>), at READ
/// COMMITTED. It first locks the experiment's row (FOR NO KEY UPDATE): ingest into one experiment is then serialized
/// across every replica, and each later statement sees all that the previous holder committed, which is what the
/// planner's lookups assume. Lookups pass their keys as one array (<c>= ANY(@keys)</c>, index scans whatever the
/// batch size). Enrolments go in with binary COPY as planned (checked under the lock, <see cref="PostgresRowCopy"/>);
/// outcomes with one INSERT … SELECT from arrays that makes the insert-time checks itself (<see cref="PostgresOutcomeInsert"/>):
/// when it stores fewer rows than planned, the writer rolls back to the savepoint and plans again with full lookups, so
/// every row's reason stays exact. A staging table fed by COPY measured slower than the arrays (its COPY alone cost half
/// the insert).
/// </summary>
internal sealed class PostgresIngestSession : IIngestSession
{
    private const string SavepointName = "ingest_attempt";

    private readonly PostgresWriter writer;
    private readonly NpgsqlConnection connection;
    private readonly NpgsqlTransaction transaction;
    private readonly string team;
    private readonly string experimentId;

    private PostgresIngestSession(PostgresWriter writer, NpgsqlConnection connection, NpgsqlTransaction transaction, string team, string experimentId)
    {
        this.writer = writer;
        this.connection = connection;
        this.transaction = transaction;
        this.team = team;
        this.experimentId = experimentId;
    }

    /// <summary>Begins a transaction on the writer connection; the caller holds this process's write gate.</summary>
    public static async Task<PostgresIngestSession> BeginAsync(PostgresWriter writer, TeamId team, string experimentId, CancellationToken cancellationToken)
    {
        var connection = await writer.OpenAsync(cancellationToken);
        var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        return new PostgresIngestSession(writer, connection, transaction, team.Value, experimentId);
    }

    public async Task<IngestExperiment?> LoadExperimentAsync(CancellationToken cancellationToken)
    {
        await using var command = Command("SELECT state, arms_json FROM experiments WHERE team_id = @team AND id = @experiment FOR NO KEY UPDATE");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        var state = Enum.Parse<ExperimentState>(reader.GetString(0));
        return new IngestExperiment(state, writer.ArmKeys(reader.GetString(1)));
    }

    public async Task<IReadOnlyDictionary<string, string>> LoadCampaignArmsAsync(CancellationToken cancellationToken)
    {
        await using var command = Command("SELECT id, arm_key FROM campaigns WHERE team_id = @team AND experiment_id = @experiment");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var arms = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken)) arms[reader.GetString(0)] = reader.GetString(1);
        return arms;
    }

    public async Task<IReadOnlyList<StoredEnrolment>> FindEnrolmentsAsync(IReadOnlyCollection<string> accountIds, IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken)
    {
        var found = new List<StoredEnrolment>();
        await ReadEnrolmentsAsync("account_id", accountIds, found, cancellationToken);
        await ReadEnrolmentsAsync("event_id", eventIds, found, cancellationToken);
        return found;
    }

    public async Task<IReadOnlyDictionary<string, string>> FindOutcomeFingerprintsAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        if (eventIds.Count == 0) return found;
        await using var command = Command("SELECT event_id, fingerprint FROM outcomes WHERE team_id = @team AND experiment_id = @experiment AND event_id = ANY(@keys)");
        command.Parameters.Add(Keys(eventIds));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) found[reader.GetString(0)] = reader.GetString(1);
        return found;
    }

    public async Task<bool> TryInsertAsync(IngestPlan plan, DateTimeOffset recordedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!plan.HasWrites) return true;
        if (plan.NewEnrolments.Count > 0) await PostgresRowCopy.CopyEnrolmentsAsync(connection, plan.NewEnrolments, team, experimentId, recordedAt, cancellationToken);
        if (plan.NewOutcomes.Count > 0 && !await PostgresOutcomeInsert.TryInsertAsync(connection, transaction, plan.NewOutcomes, team, experimentId, recordedAt, cancellationToken))
            return false;

        await using var bump = Command("UPDATE experiments SET data_version = data_version + 1 WHERE team_id = @team AND id = @experiment");
        await bump.ExecuteNonQueryAsync(cancellationToken);
        return true;
    }

    public Task CreateSavepointAsync(CancellationToken cancellationToken) => transaction.SaveAsync(SavepointName, cancellationToken);

    public Task RollbackToSavepointAsync(CancellationToken cancellationToken) => transaction.RollbackAsync(SavepointName, cancellationToken);

    public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

    public ValueTask DisposeAsync() => transaction.DisposeAsync();

    private static NpgsqlParameter<string[]> Keys(IEnumerable<string> keys) => new("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. keys] };

    private async Task ReadEnrolmentsAsync(string keyColumn, IReadOnlyCollection<string> keys, List<StoredEnrolment> found, CancellationToken cancellationToken)
    {
        if (keys.Count == 0) return;
        await using var command = Command(
            "SELECT account_id, event_id, arm_key, enrolled_at, fingerprint FROM enrolments " +
            $"WHERE team_id = @team AND experiment_id = @experiment AND {keyColumn} = ANY(@keys)");
        command.Parameters.Add(Keys(keys));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new StoredEnrolment(reader.GetString(0), reader.GetString(1), reader.GetString(2), UtcTicksConverter.FromTicks(reader.GetInt64(3)), reader.GetString(4)));
        }
    }

    private NpgsqlCommand Command(string sql)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string>("team", NpgsqlDbType.Text) { TypedValue = team });
        command.Parameters.Add(new NpgsqlParameter<string>("experiment", NpgsqlDbType.Text) { TypedValue = experimentId });
        return command;
    }
}
