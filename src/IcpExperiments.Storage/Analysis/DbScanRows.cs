using System.Data.Common;

namespace IcpExperiments.Storage.Analysis;

/// <summary><see cref="IScanRows"/> over any ADO.NET reader (PostgreSQL, or SQLite for the segment scan).</summary>
internal sealed class DbScanRows(DbDataReader reader) : IScanRows
{
    private string? rememberedAccount;

    public DbDataReader Reader => reader;

    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken) => await reader.ReadAsync(cancellationToken);

    public bool IsNull(int ordinal) => reader.IsDBNull(ordinal);

    public long GetInt64(int ordinal) => reader.GetInt64(ordinal);

    public double GetDouble(int ordinal) => reader.GetDouble(ordinal);

    public decimal GetDecimal(int ordinal) => reader.GetDecimal(ordinal);

    public string GetString(int ordinal) => reader.GetString(ordinal);

    public void RememberAccount() => rememberedAccount = reader.GetString(SnapshotQueries.AccountId);

    public bool IsRememberedAccount() => string.Equals(reader.GetString(SnapshotQueries.AccountId), rememberedAccount, StringComparison.Ordinal);
}
