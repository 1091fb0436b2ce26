using System.Text.Json;
using IcpExperiments.Core.Experiments;
using IcpExperiments.Core.Teams;
using IcpExperiments.Storage.Conversions;
using IcpExperiments.Storage.Ingest;
using Microsoft.Data.Sqlite;

namespace IcpExperiments.Storage.Sqlite;

/// <summary>
/// The SQLite ingest transaction, on the process's writer connection (<see cref="SqliteWriter"/>). The statements every
/// transaction runs are native and prepared once (<see cref="SqliteSessionStatements"/>), so the transaction is opened and
/// ended natively and Microsoft.Data.Sqlite sees no transaction of its own: its commands (the batch lookups, which pass
/// their keys as one JSON array through <c>json_each</c>, so a batch of any size costs one query per lookup) run inside
/// the native one. Every statement stays prepared across transactions, and parameters are rebound.
/// </summary>
internal sealed class SqliteIngestSession : IIngestSession
{
    private readonly SqliteWriter writer;
    private readonly SqliteSessionStatements statements;
    private readonly string team;
    private readonly string experimentId;

    private SqliteIngestSession(SqliteWriter writer, string team, string experimentId)
    {
        this.writer = writer;
        statements = writer.SessionStatements;
        statements.Begin();
        this.team = team;
        this.experimentId = experimentId;
    }

    /// <summary>Begins an IMMEDIATE transaction on the writer connection; the caller holds the write gate.</summary>
    public static SqliteIngestSession Begin(SqliteWriter writer, TeamId team, string experimentId) => new(writer, team.Value, experimentId);

    public Task<IngestExperiment?> LoadExperimentAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var stored = statements.LoadExperiment(team, experimentId);
        return Task.FromResult(stored is var (state, armsJson) ? new IngestExperiment(Enum.Parse<ExperimentState>(state), writer.ArmKeys(armsJson)) : null);
    }

    public async Task<IReadOnlyDictionary<string, string>> LoadCampaignArmsAsync(CancellationToken cancellationToken)
    {
        var command = Command("SELECT id, arm_key FROM campaigns WHERE team_id = $team AND experiment_id = $experiment");
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
        var command = Command(
            "SELECT event_id, fingerprint FROM outcomes WHERE team_id = $team AND experiment_id = $experiment AND event_id IN (SELECT value FROM json_each($keys))");
        command.Parameters.AddWithValue("$keys", JsonSerializer.Serialize(eventIds));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) found[reader.GetString(0)] = reader.GetString(1);
        return found;
    }

    public long? WrittenDataVersion { get; private set; }

    public Task<bool> TryInsertAsync(IngestPlan plan, DateTimeOffset recordedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        WrittenDataVersion = null;
        if (!plan.HasWrites) return Task.FromResult(true);

        // SQLite executes synchronously anyway; the per-row loops avoid a Task per row.
        cancellationToken.ThrowIfCancellationRequested();
        if (plan.NewEnrolments.Count > 0) writer.EnrolmentInsert.InsertAll(plan.NewEnrolments, team, experimentId, recordedAt);

        if (plan.NewOutcomes.Count > 0 && !writer.OutcomeInsert.TryInsertAll(plan.NewOutcomes, team, experimentId, recordedAt)) return Task.FromResult(false);

        WrittenDataVersion = statements.BumpDataVersion(team, experimentId);
        return Task.FromResult(true);
    }

    public Task CreateSavepointAsync(CancellationToken cancellationToken)
    {
        statements.CreateSavepoint();
        return Task.CompletedTask;
    }

    public Task RollbackToSavepointAsync(CancellationToken cancellationToken)
    {
        statements.RollbackToSavepoint();
        return Task.CompletedTask;
    }

    public Task CommitAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        statements.Commit();
        return Task.CompletedTask;
    }

    /// <summary>Rolls back whatever the session has not committed (a failed attempt, a cancelled batch, a failed COMMIT).</summary>
    public ValueTask DisposeAsync()
    {
        statements.Rollback();
        return ValueTask.CompletedTask;
    }

    private async Task ReadEnrolmentsAsync(string keyColumn, IReadOnlyCollection<string> keys, List<StoredEnrolment> found, CancellationToken cancellationToken)
    {
        if (keys.Count == 0) return;
        var command = Command(
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
        var command = writer.Command(sql);
        command.Parameters.AddWithValue("$team", team);
        command.Parameters.AddWithValue("$experiment", experimentId);
        return command;
    }
}
