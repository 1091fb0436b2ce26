namespace IcpExperiments.Core.Paging;

/// <summary>A page request: <see cref="PageSize"/> in [1, <see cref="MaxPageSize"/>] (0 means <see cref="DefaultPageSize"/>), and the opaque token of the previous page.</summary>
public sealed record PageRequest(int PageSize, string? PageToken)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 1000;

    public static PageRequest First { get; } = new(DefaultPageSize, null);

    /// <summary>The page size to use: the default for 0, capped at the maximum.</summary>
    public int EffectiveSize => PageSize <= 0 ? DefaultPageSize : Math.Min(PageSize, MaxPageSize);
}
