using System.Text.Json;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Core.Teams;
using IcpExperiments.Storage.Conversions;
using IcpExperiments.Storage.Ingest;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace IcpExperiments.Storage.Sqlite;

/// <summary>
/// The SQLite ingest transaction: batch lookups pass their keys as one JSON array (<c>json_each</c>), so a batch of
/// any size costs one query per lookup; inserts reuse prepared statements with rebound parameters.
/// </summary>
internal sealed class SqliteIngestSession : IIngestSession
{
    private const string SavepointName = "ingest_attempt";

    private readonly IcpExperimentsDbContext context;
    private readonly IDbContextTransaction transaction;
    private readonly SqliteConnection connection;
    private readonly string team;
    private readonly string experimentId;

    private SqliteIngestSession(IcpExperimentsDbContext context, IDbContextTransaction transaction, string team, string experimentId)
    {
        this.context = context;
        this.transaction = transaction;
        connection = (SqliteConnection)context.Database.GetDbConnection();
        this.team = team;
        this.experimentId = experimentId;
    }

    public static async Task<SqliteIngestSession> BeginAsync(IcpExperimentsDbContext context, TeamId team, string experimentId, CancellationToken cancellationToken)
    {
        await context.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
            return new SqliteIngestSession(context, transaction, team.Value, experimentId);
        }
        catch
        {
            await context.Database.CloseConnectionAsync();
            throw;
        }
    }

    public async Task<IngestExperiment?> LoadExperimentAsync(CancellationToken cancellationToken)
    {
        await using var command = Command("SELECT state, arms_json FROM experiments WHERE team_id = $team AND id = $experiment");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        var state = Enum.Parse<ExperimentState>(reader.GetString(0));
        var arms = StorageJson.Deserialize<List<ArmDesign>>(reader.GetString(1));
        return new IngestExperiment(state, arms.Select(a => a.Key).ToHashSet(StringComparer.Ordinal));
    }

    public async Task<IReadOnlyDictionary<string, string>> LoadCampaignArmsAsync(CancellationToken cancellationToken)
    {
        await using var command = Command("SELECT id, arm_key FROM campaigns WHERE team_id = $team AND experiment_id = $experiment");
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
        await using var command = Command(
            "SELECT event_id, fingerprint FROM outcomes WHERE team_id = $team AND experiment_id = $experiment AND event_id IN (SELECT value FROM json_each($keys))");
        command.Parameters.AddWithValue("$keys", JsonSerializer.Serialize(eventIds));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) found[reader.GetString(0)] = reader.GetString(1);
        return found;
    }

    public async Task<bool> TryInsertAsync(IngestPlan plan, DateTimeOffset recordedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!plan.HasWrites) return true;

        // SQLite executes synchronously anyway; the per-row loops avoid a Task per row.
        cancellationToken.ThrowIfCancellationRequested();
        if (plan.NewEnrolments.Count > 0)
        {
            await using var insert = new SqliteEnrolmentInsert(Command(SqliteEnrolmentInsert.Sql), recordedAt);
            foreach (var (enrolment, fingerprint) in plan.NewEnrolments) insert.Execute(enrolment, fingerprint);
        }

        if (plan.NewOutcomes.Count > 0)
        {
            using var insert = new SqliteOutcomeInsert(connection, team, experimentId, recordedAt);
            if (!insert.TryInsertAll(plan.NewOutcomes)) return false;
        }

        await using var bump = Command("UPDATE experiments SET data_version = data_version + 1 WHERE team_id = $team AND id = $experiment");
        await bump.ExecuteNonQueryAsync(cancellationToken);
        return true;
    }

    public Task CreateSavepointAsync(CancellationToken cancellationToken) => transaction.CreateSavepointAsync(SavepointName, cancellationToken);

    public Task RollbackToSavepointAsync(CancellationToken cancellationToken) => transaction.RollbackToSavepointAsync(SavepointName, cancellationToken);

    public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await context.Database.CloseConnectionAsync();
    }

    private async Task ReadEnrolmentsAsync(string keyColumn, IReadOnlyCollection<string> keys, List<StoredEnrolment> found, CancellationToken cancellationToken)
    {
        if (keys.Count == 0) return;
        await using var command = Command(
            "SELECT account_id, event_id, arm_key, enrolled_at, fingerprint FROM enrolments " +
            $"WHERE team_id = $team AND experiment_id = $experiment AND {keyColumn} IN (SELECT value FROM json_each($keys))");
        command.Parameters.AddWithValue("$keys", JsonSerializer.Serialize(keys));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new StoredEnrolment(reader.GetString(0), reader.GetString(1), reader.GetString(2), UtcTicksConverter.FromTicks(reader.GetInt64(3)), reader.GetString(4)));
        }
    }

    private SqliteCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction.GetDbTransaction();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$team", team);
        command.Parameters.AddWithValue("$experiment", experimentId);
        return command;
    }
}
