namespace IcpExperiments.Storage.Analysis;

/// <summary>
/// Forward-only access to the scans' rows (<see cref="SnapshotQueries"/>' layout), over ADO.NET
/// (<see cref="DbScanRows"/>, any provider) or SQLite's own statement (<see cref="SqliteScanRows"/>, no per-column
/// wrapper cost). The account-id members let the fold compare ids without materialising a string per row.
/// </summary>
internal interface IScanRows
{
    ValueTask<bool> ReadAsync(CancellationToken cancellationToken);

    bool IsNull(int ordinal);

    long GetInt64(int ordinal);

    double GetDouble(int ordinal);

    decimal GetDecimal(int ordinal);

    string GetString(int ordinal);

    /// <summary>Keeps the current row's account id for <see cref="IsRememberedAccount"/>.</summary>
    void RememberAccount();

    /// <summary>True when the current row's account id equals the one last remembered.</summary>
    bool IsRememberedAccount();
}
