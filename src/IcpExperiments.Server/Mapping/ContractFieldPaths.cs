using System.Globalization;
using System.Text.RegularExpressions;
using IcpExperiments.Core.Errors;
using IcpExperiments.Core.Outcomes;
using IcpExperiments.Core.Profiles;

namespace IcpExperiments.Server.Mapping;

/// <summary>
/// Rewrites field paths of domain violations into the request's own paths where the contract names or nests a field
/// differently (e.g. the domain's <c>outcome.occurred_at</c> is <c>outcome.converted.convert_time</c> of a conversion),
/// so a client always learns which field of its request to fix.
/// </summary>
public static partial class ContractFieldPaths
{
    private static readonly (string Domain, string Contract)[] Renames =
    [
        ("enrolment.account.account_id", "enrolment.account_id"),
        ("enrolment.account.attributes", "enrolment.attributes"),
        ("enrolment.enrolled_at", "enrolment.enrol_time"),
        ("enrolment.experiment_id", "parent"),
        ("campaign.id", "campaign_id"),
        ("campaign.experiment_id", "parent"),
        ("outcome.acv", "outcome.converted.acv"),
        ("outcome.kind", "outcome"),
        ("version.text", "version.narrative"),
        ("first_version.text", "first_version.narrative"),
    ];

    /// <summary>
    /// The contract path of <paramref name="domainPath"/>. <paramref name="kind"/> places an outcome's time in its oneof
    /// member; <paramref name="tierLevels"/> (the levels of the domain's fit-tier list, in order) turns
    /// <c>fit_tiers[1].criteria</c> into <c>fit_tiers.good</c>.
    /// </summary>
    public static string ToContract(string domainPath, OutcomeKind? kind = null, IReadOnlyList<FitTierLevel>? tierLevels = null)
    {
        ArgumentNullException.ThrowIfNull(domainPath);
        if (tierLevels is not null) domainPath = TierPattern().Replace(domainPath, m => TierPath(m, tierLevels));
        domainPath = PredicateFieldPattern().Replace(domainPath, m => $"{m.Groups["item"].Value}.{(m.Groups["field"].Value is "values" or "operator" ? "categorical" : "numeric_range")}.{m.Groups["field"].Value}");
        if (domainPath.EndsWith(".amount", StringComparison.Ordinal)) domainPath = domainPath[..^".amount".Length]; // google.type.Money has no amount field.
        if (HasPrefix(domainPath, "outcome.occurred_at"))
            return Replace(domainPath, "outcome.occurred_at", kind == OutcomeKind.Lost ? "outcome.lost.lose_time" : "outcome.converted.convert_time");
        foreach (var (domain, contract) in Renames)
        {
            if (HasPrefix(domainPath, domain)) return Replace(domainPath, domain, contract);
        }

        return domainPath;
    }

    /// <summary>Runs a use case and rethrows its validation failure with contract paths.</summary>
    public static async Task<T> InContractTermsAsync<T>(Func<Task<T>> useCase, OutcomeKind? kind = null, IReadOnlyList<FitTierLevel>? tierLevels = null)
    {
        ArgumentNullException.ThrowIfNull(useCase);
        try
        {
            return await useCase();
        }
        catch (ValidationFailedException exception)
        {
            throw InContractTerms(exception, kind, tierLevels);
        }
    }

    /// <summary>A use case's validation failure with contract paths (for callers that await the use case themselves).</summary>
    public static ValidationFailedException InContractTerms(ValidationFailedException exception, OutcomeKind? kind = null, IReadOnlyList<FitTierLevel>? tierLevels = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new ValidationFailedException(exception.Violations.Select(v => v with { Field = ToContract(v.Field, kind, tierLevels) }).ToList());
    }

    private static string TierPath(Match match, IReadOnlyList<FitTierLevel> tierLevels)
    {
        var index = int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture);
        if (index >= tierLevels.Count) return match.Value;
        return $"fit_tiers.{tierLevels[index].ToString().ToLowerInvariant()}";
    }

    // A criterion's own fields sit inside its predicate in the contract: criteria[0].values -> criteria[0].categorical.values.
    [GeneratedRegex(@"(?<item>(criteria|fit_tiers\.(best|good|bad))\[\d+\])\.(?<field>values|operator|min|max)(?=$|[.\[])", RegexOptions.CultureInvariant)]
    private static partial Regex PredicateFieldPattern();

    [GeneratedRegex(@"fit_tiers\[(?<index>\d+)\]\.criteria", RegexOptions.CultureInvariant)]
    private static partial Regex TierPattern();

    private static bool HasPrefix(string path, string prefix) =>
        path.StartsWith(prefix, StringComparison.Ordinal) && (path.Length == prefix.Length || path[prefix.Length] is '.' or '[');

    private static string Replace(string path, string prefix, string replacement) => replacement + path[prefix.Length..];
}
