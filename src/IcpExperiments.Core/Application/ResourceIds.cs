using System.Security.Cryptography;
using IcpExperiments.Core.Errors;

namespace IcpExperiments.Core.Application;

/// <summary>Client-chosen resource ids: 1–63 characters of lower-case letters, digits and '-', starting with a letter (AIP-122).</summary>
public static class ResourceIds
{
    public const int MaxLength = 63;

    // 64 random bits: a collision needs ~4 billion ids of one prefix, and the store's unique key catches the rest.
    private const int RandomBytes = 8;

    /// <summary>Violations of the id rules for <paramref name="field"/>; empty when valid.</summary>
    public static IEnumerable<FieldViolation> Validate(string id, string field)
    {
        var problem = Describe(id);
        return problem is null ? [] : [new FieldViolation(field, problem)];
    }

    /// <summary>True when <paramref name="id"/> follows the id rules.</summary>
    public static bool IsValid(string? id) => Describe(id) is null;

    /// <summary>A new random id with the given prefix, e.g. <c>exp-3f9a1c0d2b7e4a10</c>.</summary>
    public static string New(string prefix)
    {
        var id = $"{prefix}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(RandomBytes))}";
        if (!IsValid(id)) throw new ArgumentException($"'{prefix}' cannot prefix a resource id: {Describe(id)}", nameof(prefix));
        return id;
    }

    private static string? Describe(string? id)
    {
        if (string.IsNullOrEmpty(id)) return "is required.";
        if (id.Length > MaxLength) return $"must be at most {MaxLength} characters (got {id.Length}).";
        if (!char.IsAsciiLetterLower(id[0])) return "must start with a lower-case letter.";
        if (id[^1] == '-') return "must not end with '-'.";
        foreach (var c in id)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '-')
                return "may contain only lower-case letters, digits and '-'.";
        }

        return null;
    }
}
