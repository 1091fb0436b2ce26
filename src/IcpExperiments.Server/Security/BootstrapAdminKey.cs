using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Teams;
using IcpExperiments.Storage;
using IcpExperiments.Storage.Security;
using Microsoft.Extensions.Options;

namespace IcpExperiments.Server.Security;

/// <summary>
/// Start-up step that makes sure someone can administer the server: the configured bootstrap key is stored (or its
/// stored hash replaced when the configuration changed it); with none configured and no key in the database, a key
/// is generated and written to a file beside the database, readable by its owner only. The key is never logged.
/// </summary>
public sealed partial class BootstrapAdminKey(
    IApiKeyStore keys, ApiKeyAuthenticator authenticator, IOptions<AuthOptions> auth, IOptions<StorageOptions> storage,
    TimeProvider time, ILogger<BootstrapAdminKey> logger)
{
    public const string ConfigurationCreator = "configuration";

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        var configured = auth.Value.BootstrapAdminKey;
        if (!string.IsNullOrEmpty(configured))
        {
            await StoreConfiguredAsync(configured, cancellationToken);
            return;
        }

        if (await keys.AnyAsync(cancellationToken)) return;
        var path = Path.Combine(Path.GetDirectoryName(storage.Value.FullDatabasePath)!, AuthOptions.BootstrapKeyFileName);
        var key = ApiKeySecrets.NewKey(AuthOptions.BootstrapKeyId);
        WriteOwnerOnly(path, key);
        await keys.CreateAsync(NewRecord(key), cancellationToken);
        LogGenerated(logger, path);
    }

    private async Task StoreConfiguredAsync(string configured, CancellationToken cancellationToken)
    {
        var hash = ApiKeySecrets.Hash(configured);
        var stored = await keys.FindAsync(AuthOptions.BootstrapKeyId, cancellationToken);
        if (stored is null)
        {
            try
            {
                await keys.CreateAsync(NewRecord(configured), cancellationToken);
                LogConfigured(logger);
                return;
            }
            catch (AlreadyExistsException)
            {
                // A replica starting at the same moment on the same database stored it first.
                stored = await keys.FindAsync(AuthOptions.BootstrapKeyId, cancellationToken) ?? throw new InvalidOperationException("The bootstrap key vanished.");
            }
        }

        if (!stored.SecretHash.AsSpan().SequenceEqual(hash))
        {
            // A revoked bootstrap key stays revoked: rotating the configured value does not undo a revocation.
            await keys.ReplaceSecretHashAsync(AuthOptions.BootstrapKeyId, hash, cancellationToken);
            authenticator.Forget(AuthOptions.BootstrapKeyId);
            LogRotated(logger);
        }
    }

    private ApiKeyRecord NewRecord(string key) =>
        new(AuthOptions.BootstrapKeyId, TeamId.Default, "Bootstrap admin key", [Roles.Admin], ApiKeySecrets.Hash(key), ConfigurationCreator, time.GetUtcNow(), null);

    private static void WriteOwnerOnly(string path, string key)
    {
        File.Delete(path); // A file left by an earlier database: replaced, and created anew so the mode below applies.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var writer = new StreamWriter(path, options);
        writer.WriteLine(key);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No API key existed: generated the bootstrap admin key (team 'default') and wrote it to {Path} (readable by its owner only). Use it to create keys, then revoke it or keep the file safe.")]
    private static partial void LogGenerated(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored the configured bootstrap admin key as key id 'bootstrap' (team 'default').")]
    private static partial void LogConfigured(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "The configured bootstrap admin key changed: replaced the stored one.")]
    private static partial void LogRotated(ILogger logger);
}
