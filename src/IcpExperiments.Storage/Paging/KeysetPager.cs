using IcpExperiments.Core.Paging;
using Microsoft.EntityFrameworkCore;

namespace IcpExperiments.Storage.Paging;

/// <summary>Reads one page of an ordered, already filtered query and makes the token from its last row's key.</summary>
internal static class KeysetPager
{
    public static async Task<Page<TResult>> ReadAsync<TEntity, TResult>(
        IQueryable<TEntity> orderedAfterToken, PageRequest page, Func<TEntity, string[]> keyOf, Func<TEntity, TResult> map, CancellationToken cancellationToken)
    {
        var size = page.EffectiveSize;
        var rows = await orderedAfterToken.Take(size + 1).ToListAsync(cancellationToken);
        var hasMore = rows.Count > size;
        if (hasMore) rows.RemoveAt(size);
        var token = hasMore ? PageToken.Encode(keyOf(rows[^1])) : null;
        return new Page<TResult>(rows.Select(map).ToList(), token);
    }
}
