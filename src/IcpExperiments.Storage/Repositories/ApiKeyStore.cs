using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Paging;
using IcpExperiments.Core.Teams;
using IcpExperiments.Storage.Entities;
using IcpExperiments.Storage.Paging;
using IcpExperiments.Storage.Security;
using Microsoft.EntityFrameworkCore;

namespace IcpExperiments.Storage.Repositories;

/// <summary>API keys in <c>api_keys</c>; roles are stored as one comma-separated column.</summary>
internal sealed class ApiKeyStore(IcpExperimentsDbContext db, IStorageProvider provider) : IApiKeyStore
{
    private DbSet<ApiKeyEntity> Keys => db.Set<ApiKeyEntity>();

    public async Task<ApiKeyRecord?> FindByHashAsync(byte[] secretHash, CancellationToken cancellationToken)
    {
        var row = await Keys.AsNoTracking().SingleOrDefaultAsync(k => k.SecretHash == secretHash, cancellationToken);
        return row is null ? null : ToRecord(row);
    }

    public async Task<ApiKeyRecord?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        var row = await Keys.AsNoTracking().SingleOrDefaultAsync(k => k.Id == keyId, cancellationToken);
        return row is null ? null : ToRecord(row);
    }

    public Task<bool> AnyAsync(CancellationToken cancellationToken) => Keys.AnyAsync(cancellationToken);

    public Task<ApiKeyRecord> CreateAsync(ApiKeyRecord key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return WriteTransaction.RunAsync(db, provider, async () =>
        {
            if (await Keys.AnyAsync(k => k.Id == key.KeyId, cancellationToken))
                throw new AlreadyExistsException("API_KEY_ALREADY_EXISTS", $"API key '{key.KeyId}' already exists.");
            Keys.Add(ToEntity(key));
            await db.SaveChangesAsync(cancellationToken);
            return key;
        }, cancellationToken);
    }

    public Task ReplaceSecretHashAsync(string keyId, byte[] secretHash, CancellationToken cancellationToken) =>
        WriteTransaction.RunAsync(db, provider, async () =>
        {
            var updated = await Keys.Where(k => k.Id == keyId).ExecuteUpdateAsync(s => s.SetProperty(k => k.SecretHash, secretHash), cancellationToken);
            return updated == 0 ? throw new NotFoundException("ApiKey", keyId) : updated;
        }, cancellationToken);

    public Task<ApiKeyRecord> RevokeAsync(string keyId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteTransaction.RunAsync(db, provider, async () =>
        {
            await Keys.Where(k => k.Id == keyId && k.RevokedAt == null).ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now), cancellationToken);
            var row = await Keys.AsNoTracking().SingleOrDefaultAsync(k => k.Id == keyId, cancellationToken);
            return row is null ? throw new NotFoundException("ApiKey", keyId) : ToRecord(row);
        }, cancellationToken);

    public Task<Page<ApiKeyRecord>> ListAsync(TeamId? team, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var after = PageToken.Decode(page.PageToken, 1);
        var query = Keys.AsNoTracking();
        if (team is { } only) query = query.Where(k => k.TeamId == only.Value);
        if (after is not null) query = query.Where(k => string.Compare(k.Id, after[0]) > 0);
        return KeysetPager.ReadAsync(query.OrderBy(k => k.Id), page, k => [k.Id], ToRecord, cancellationToken);
    }

    private static ApiKeyRecord ToRecord(ApiKeyEntity row) => new(
        row.Id, new TeamId(row.TeamId), row.DisplayName, row.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries), row.SecretHash,
        row.CreatedBy, row.CreatedAt, row.RevokedAt);

    private static ApiKeyEntity ToEntity(ApiKeyRecord key) => new()
    {
        Id = key.KeyId,
        TeamId = key.Team.Value,
        DisplayName = key.DisplayName,
        Roles = string.Join(',', key.Roles),
        SecretHash = key.SecretHash,
        CreatedBy = key.CreatedBy,
        CreatedAt = key.CreatedAt,
        RevokedAt = key.RevokedAt,
    };
}
