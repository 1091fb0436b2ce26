using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;

namespace IcpExperiments.Server.Validation;

/// <summary>
/// Parses the resource names of the API (AIP-122) into ids, reporting a malformed name as a field violation.
/// Ids follow AIP-122 (<c>[a-z][a-z0-9-]{0,62}</c>); version numbers are positive decimals; account ids allow the
/// characters of CRM ids.
/// </summary>
public static partial class ResourceNames
{
    public static string? Profile(string name, string field, RequestValidation validation)
    {
        var match = Parse(ProfilePattern(), name, field, "profiles/{profile}", validation);
        return match?.Groups["profile"].Value;
    }

    public static (string ProfileId, int Version)? ProfileVersion(string name, string field, RequestValidation validation)
    {
        var match = Parse(ProfileVersionPattern(), name, field, "profiles/{profile}/versions/{version}", validation);
        if (match is null) return null;
        return (match.Groups["profile"].Value, int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The experiment id of <c>experiments/{experiment}</c>. Checked by hand rather than by a pattern, with the same id
    /// rule: it is the parent of every outcome write, and a regex match allocated five objects per call.
    /// </summary>
    public static string? Experiment(string name, string field, RequestValidation validation)
    {
        const string Prefix = "experiments/";
        ArgumentNullException.ThrowIfNull(validation);
        if (!validation.Required(name, field)) return null;
        if (name.StartsWith(Prefix, StringComparison.Ordinal) && IsId(name.AsSpan(Prefix.Length))) return name[Prefix.Length..];
        validation.Add(field, Malformed("experiments/{experiment}"));
        return null;
    }

    public static (string ExperimentId, string CampaignId)? Campaign(string name, string field, RequestValidation validation)
    {
        var match = Parse(CampaignPattern(), name, field, "experiments/{experiment}/campaigns/{campaign}", validation);
        if (match is null) return null;
        return (match.Groups["experiment"].Value, match.Groups["campaign"].Value);
    }

    public static string OfProfile(string profileId) => $"profiles/{profileId}";

    public static string OfProfileVersion(string profileId, int version) => $"profiles/{profileId}/versions/{version.ToString(CultureInfo.InvariantCulture)}";

    public static string OfExperiment(string experimentId) => $"experiments/{experimentId}";

    public static string OfCampaign(string experimentId, string campaignId) => $"experiments/{experimentId}/campaigns/{campaignId}";

    public static string OfEnrolment(string experimentId, string accountId) => $"experiments/{experimentId}/enrolments/{accountId}";

    public static string OfOutcome(string experimentId, string eventId) => $"experiments/{experimentId}/outcomes/{eventId}";

    private static Match? Parse(Regex pattern, string name, string field, string format, RequestValidation validation)
    {
        if (!validation.Required(name, field)) return null;
        var match = pattern.Match(name);
        if (match.Success) return match;
        validation.Add(field, Malformed(format));
        return null;
    }

    private static string Malformed(string format) => $"must have the form {format}; ids match [a-z][a-z0-9-]{{0,62}}, versions are numbers >= 1.";

    /// <summary>An AIP-122 id, <c>[a-z][a-z0-9-]{0,62}</c>.</summary>
    private static bool IsId(ReadOnlySpan<char> id) =>
        id.Length is >= 1 and <= 63 && char.IsAsciiLetterLower(id[0]) && !id[1..].ContainsAnyExcept(IdCharacters);

    private static readonly SearchValues<char> IdCharacters = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");

    [GeneratedRegex(@"^profiles/(?<profile>[a-z][a-z0-9-]{0,62})$", RegexOptions.CultureInvariant)]
    private static partial Regex ProfilePattern();

    [GeneratedRegex(@"^profiles/(?<profile>[a-z][a-z0-9-]{0,62})/versions/(?<version>[1-9][0-9]{0,8})$", RegexOptions.CultureInvariant)]
    private static partial Regex ProfileVersionPattern();

    [GeneratedRegex(@"^experiments/(?<experiment>[a-z][a-z0-9-]{0,62})/campaigns/(?<campaign>[a-z][a-z0-9-]{0,62})$", RegexOptions.CultureInvariant)]
    private static partial Regex CampaignPattern();
}
