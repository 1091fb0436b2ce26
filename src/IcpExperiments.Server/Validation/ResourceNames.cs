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

    public static string? Experiment(string name, string field, RequestValidation validation)
    {
        var match = Parse(ExperimentPattern(), name, field, "experiments/{experiment}", validation);
        return match?.Groups["experiment"].Value;
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
        return validation.Check(match.Success, field, $"must have the form {format}; ids match [a-z][a-z0-9-]{{0,62}}, versions are numbers >= 1.")
            ? match
            : null;
    }

    [GeneratedRegex(@"^profiles/(?<profile>[a-z][a-z0-9-]{0,62})$", RegexOptions.CultureInvariant)]
    private static partial Regex ProfilePattern();

    [GeneratedRegex(@"^profiles/(?<profile>[a-z][a-z0-9-]{0,62})/versions/(?<version>[1-9][0-9]{0,8})$", RegexOptions.CultureInvariant)]
    private static partial Regex ProfileVersionPattern();

    [GeneratedRegex(@"^experiments/(?<experiment>[a-z][a-z0-9-]{0,62})$", RegexOptions.CultureInvariant)]
    private static partial Regex ExperimentPattern();

    [GeneratedRegex(@"^experiments/(?<experiment>[a-z][a-z0-9-]{0,62})/campaigns/(?<campaign>[a-z][a-z0-9-]{0,62})$", RegexOptions.CultureInvariant)]
    private static partial Regex CampaignPattern();
}
