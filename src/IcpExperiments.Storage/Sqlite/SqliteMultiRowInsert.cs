using System.Numerics;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace IcpExperiments.Storage.Sqlite;

/// <summary>
/// A native insert of many <typeparamref name="TRow"/> rows per statement, each statement starting with
/// <c>sharedParameters</c> parameters every row shares (for the ingest tables ?1 team, ?2 experiment and ?3 recorded_at):
/// rows go in statements of <see cref="ChunkRows"/> rows and the remainder in statements of decreasing powers of two,
/// each prepared when first needed. A group commit's 19 rows then take three statements (16, 2 and 1) instead of 19,
/// which took a unary batch's insert time from about 130 to 96 µs.
/// </summary>
internal abstract class SqliteMultiRowInsert<TRow>(SqliteConnection connection, int sharedParameters = 3) : SqliteNativeStatements(connection)
{
    /// <summary>Rows per multi-row statement: past ~32 the per-statement saving is spent and statements grow large.</summary>
    public const int ChunkRows = 32;

    private readonly sqlite3_stmt?[] bySize = new sqlite3_stmt?[BitOperations.Log2(ChunkRows) + 1];

    /// <summary>The first row's first parameter: the ones before it are shared by every row.</summary>
    protected int FirstRowParameter { get; } = sharedParameters + 1;

    /// <summary>
    /// Inserts <paramref name="rows"/> of one experiment in order, stamped <paramref name="recordedAt"/> (?1 to ?3); false as
    /// soon as a statement stored fewer rows than it was given (the rest are not attempted).
    /// </summary>
    protected bool InsertInOrder(IReadOnlyList<TRow> rows, string team, string experimentId, DateTimeOffset recordedAt) =>
        InsertInOrder(rows, statement =>
        {
            BindText(statement, 1, team);
            BindText(statement, 2, experimentId);
            BindInt64(statement, 3, recordedAt.UtcTicks);
        });

    /// <summary>Inserts <paramref name="rows"/> in order, each statement's shared parameters bound by <paramref name="bindShared"/>; false as above.</summary>
    protected bool InsertInOrder(IReadOnlyList<TRow> rows, Action<sqlite3_stmt>? bindShared)
    {
        ArgumentNullException.ThrowIfNull(rows);
        for (int next = 0; next < rows.Count;)
        {
            // The largest power of two that fits, at most ChunkRows.
            int size = Math.Min(ChunkRows, 1 << BitOperations.Log2((uint)(rows.Count - next)));
            var statement = bySize[BitOperations.Log2((uint)size)] ??= Prepare(Sql(size));
            bindShared?.Invoke(statement);
            for (int row = 0; row < size; row++) Bind(statement, row, rows[next + row]);
            if (Execute(statement) != size) return false;
            next += size;
        }

        return true;
    }

    /// <summary>The insert's SQL for <paramref name="rows"/> rows.</summary>
    protected abstract string Sql(int rows);

    /// <summary>Binds <paramref name="item"/> as row <paramref name="row"/> (0-based) of <paramref name="statement"/>.</summary>
    protected abstract void Bind(sqlite3_stmt statement, int row, TRow item);
}
