using IcpExperiments.Core.Paging;
using IcpExperiments.Core.Teams;
using IcpExperiments.Storage.Entities;
using IcpExperiments.Storage.Paging;
using IcpExperiments.Storage.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace IcpExperiments.Storage.Repositories;

/// <summary>The audit log in <c>audit_entries</c>: appended in batches (<see cref="AuditEntryInsert"/>), read newest first by id.</summary>
internal sealed class AuditStore(IcpExperimentsDbContext db, IStorageProvider provider) : IAuditStore
{
    private DbSet<AuditEntryEntity> Entries => db.Set<AuditEntryEntity>();

    public async Task AppendAsync(IReadOnlyList<AuditRecord> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0 || await provider.TryAppendAuditAsync(entries, cancellationToken)) return;
        await WriteTransaction.RunAsync(db, provider, async () =>
        {
            await AuditEntryInsert.For(db.Model).ExecuteAsync(db.Database.GetDbConnection(), db.Database.CurrentTransaction!.GetDbTransaction(), entries, cancellationToken);
            return entries.Count;
        }, cancellationToken);
    }

    public Task<Page<AuditRecord>> ListAsync(AuditQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(page);
        var after = PageToken.Decode(page.PageToken, 1);
        var rows = Entries.AsNoTracking();
        if (query.Team is { } team) rows = rows.Where(a => a.TeamId == team.Value);
        if (query.From is { } from) rows = rows.Where(a => a.OccurredAt >= from);
        if (query.To is { } to) rows = rows.Where(a => a.OccurredAt < to);
        if (after is not null)
        {
            var afterId = PageKeys.ParseLong(after[0]);
            rows = rows.Where(a => a.Id < afterId);
        }

        return KeysetPager.ReadAsync(rows.OrderByDescending(a => a.Id), page, a => [PageKeys.Format(a.Id)], ToRecord, cancellationToken);
    }

    private static AuditRecord ToRecord(AuditEntryEntity row) =>
        new(row.Id, new TeamId(row.TeamId), row.ActorId, row.Method, row.ResourceName, row.StatusCode, row.Detail, row.OccurredAt);
}
