using IcpExperiments.Core.Paging;

namespace IcpExperiments.Storage.Security;

/// <summary>The append-only audit log.</summary>
public interface IAuditStore
{
    /// <summary>Appends entries in one transaction, in the given order.</summary>
    Task AppendAsync(IReadOnlyList<AuditRecord> entries, CancellationToken cancellationToken);

    /// <summary>Entries matching <paramref name="query"/>, newest first (in the order they were appended).</summary>
    Task<Page<AuditRecord>> ListAsync(AuditQuery query, PageRequest page, CancellationToken cancellationToken);
}
