using System.Data.Common;
using System.Globalization;
using System.Text;
using IcpExperiments.Storage.Entities;
using IcpExperiments.Storage.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace IcpExperiments.Storage.Repositories;

/// <summary>
/// Appends audit entries with multi-row INSERT statements instead of change tracking, on engines without a writer
/// connection of their own (PostgreSQL; SQLite appends on its writer connection, <see cref="Sqlite.SqliteAuditInsert"/>):
/// under a stream of unary writes the audit trail stores thousands of rows a second, and EF's per-entity bookkeeping
/// cost more than the calls' own work. Table, column names and value conversions come from the EF model, so the SQL
/// follows the provider's mapping.
/// </summary>
internal sealed class AuditEntryInsert
{
    /// <summary>Rows per statement: 64 × 7 parameters stays far below every provider's parameter limit.</summary>
    public const int RowsPerStatement = 64;

    private static readonly string[] Properties =
    [
        nameof(AuditEntryEntity.TeamId), nameof(AuditEntryEntity.ActorId), nameof(AuditEntryEntity.Method), nameof(AuditEntryEntity.ResourceName),
        nameof(AuditEntryEntity.StatusCode), nameof(AuditEntryEntity.Detail), nameof(AuditEntryEntity.OccurredAt),
    ];

    private static AuditEntryInsert? shared;

    private readonly string table;
    private readonly string columns;
    private readonly Func<object?, object?> occurredAtToProvider;
    private readonly string fullStatement;

    private AuditEntryInsert(IModel model)
    {
        Model = model;
        var entity = model.FindEntityType(typeof(AuditEntryEntity)) ?? throw new InvalidOperationException("The model has no audit entries.");
        var storeObject = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        table = Quote(entity.GetTableName()!);
        columns = string.Join(", ", Properties.Select(p => Quote(entity.FindProperty(p)!.GetColumnName(storeObject)!)));
        var occurredAt = entity.FindProperty(nameof(AuditEntryEntity.OccurredAt))!;
        var converter = occurredAt.GetValueConverter() ?? occurredAt.GetTypeMapping().Converter;
        occurredAtToProvider = converter is null ? value => value : converter.ConvertToProvider;
        fullStatement = Sql(RowsPerStatement);
    }

    private IModel Model { get; }

    /// <summary>The insert for <paramref name="model"/> (built once per model).</summary>
    public static AuditEntryInsert For(IModel model)
    {
        var current = shared;
        if (current is not null && ReferenceEquals(current.Model, model)) return current;
        return shared = new AuditEntryInsert(model);
    }

    /// <summary>Inserts <paramref name="entries"/> on <paramref name="connection"/> inside <paramref name="transaction"/>.</summary>
    public async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<AuditRecord> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        for (int start = 0; start < entries.Count; start += RowsPerStatement)
        {
            int count = Math.Min(RowsPerStatement, entries.Count - start);
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.Transaction = transaction;
                command.CommandText = count == RowsPerStatement ? fullStatement : Sql(count);
                for (int row = 0; row < count; row++)
                {
                    var entry = entries[start + row];
                    for (int column = 0; column < Properties.Length; column++)
                    {
                        var parameter = command.CreateParameter();
                        parameter.ParameterName = ParameterName(row, column);
                        parameter.Value = ValueAt(entry, column) ?? DBNull.Value;
                        command.Parameters.Add(parameter);
                    }
                }

                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The provider value of <paramref name="entry"/>'s column number <paramref name="column"/> (in <see cref="Properties"/> order).</summary>
    private object? ValueAt(AuditRecord entry, int column) => column switch
    {
        0 => entry.Team.Value,
        1 => entry.ActorId,
        2 => entry.Method,
        3 => entry.ResourceName,
        4 => entry.StatusCode,
        5 => entry.Detail,
        _ => occurredAtToProvider(entry.OccurredAt),
    };

    private string Sql(int rows) => Sql(rows, ParameterName);

    private string Sql(int rows, Func<int, int, string> parameterName)
    {
        var sql = new StringBuilder($"INSERT INTO {table} ({columns}) VALUES ");
        for (int row = 0; row < rows; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            for (int column = 0; column < Properties.Length; column++) sql.Append(column == 0 ? "" : ", ").Append(parameterName(row, column));
            sql.Append(')');
        }

        return sql.ToString();
    }

    private static string ParameterName(int row, int column) => string.Create(CultureInfo.InvariantCulture, $"@a{row}_{column}");

    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
