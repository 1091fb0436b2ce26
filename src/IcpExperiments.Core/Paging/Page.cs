namespace IcpExperiments.Core.Paging;

/// <summary>One page of results; <see cref="NextPageToken"/> is null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextPageToken);
