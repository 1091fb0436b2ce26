namespace IcpExperiments.Core.Application;

/// <summary>What to break down: attributes (empty means every segment attribute), the smallest testable segment, the instant.</summary>
public sealed record SegmentRequest(IReadOnlyList<string> Attributes, int MinAccounts, DateTimeOffset? AsOf);
