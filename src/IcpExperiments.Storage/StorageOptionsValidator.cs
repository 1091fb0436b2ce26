using Microsoft.Extensions.Options;

namespace IcpExperiments.Storage;

/// <summary>Rejects storage settings the server cannot run with, so a typo fails at start-up rather than at the first write.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!options.IsPostgres && !string.Equals(options.Provider, StorageOptions.SqliteProvider, StringComparison.OrdinalIgnoreCase))
            failures.Add($"{StorageOptions.SectionName}:Provider '{options.Provider}' is not supported; use '{StorageOptions.SqliteProvider}' or '{StorageOptions.PostgresProvider}'.");
        if (options.IsPostgres && string.IsNullOrWhiteSpace(options.ConnectionString))
            failures.Add($"{StorageOptions.SectionName}:ConnectionString must be set for '{StorageOptions.PostgresProvider}' (Host=...;Database=...;Username=...).");
        if (string.IsNullOrWhiteSpace(options.DatabasePath))
            failures.Add($"{StorageOptions.SectionName}:DatabasePath must name a file.");
        else if (options.DatabasePath.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            failures.Add($"{StorageOptions.SectionName}:DatabasePath '{options.DatabasePath}' contains invalid characters.");
        if (!string.Equals(options.Synchronous, StorageOptions.SynchronousNormal, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(options.Synchronous, StorageOptions.SynchronousFull, StringComparison.OrdinalIgnoreCase))
            failures.Add($"{StorageOptions.SectionName}:Synchronous must be '{StorageOptions.SynchronousNormal}' or '{StorageOptions.SynchronousFull}'.");
        if (options.BusyTimeoutMilliseconds is < 0 or > 600_000)
            failures.Add($"{StorageOptions.SectionName}:BusyTimeoutMilliseconds must be in [0, 600000].");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
