using Google.Rpc;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Core.Application;
using IcpExperiments.Core.Teams;
using IcpExperiments.Server.Security;
using IcpExperiments.Server.Validation;
using IcpExperiments.Storage.Security;

namespace IcpExperiments.Server.Mapping;

/// <summary>API keys, roles and audit entries between the contract and storage records.</summary>
public static class AdminMapping
{
    private const string ApiKeyNamePrefix = "apiKeys/";
    private const int MaxDisplayNameLength = 200;

    private static readonly Dictionary<Role, string> RoleNames = new()
    {
        [Role.Admin] = Roles.Admin,
        [Role.Experimenter] = Roles.Experimenter,
        [Role.Viewer] = Roles.Viewer,
        [Role.ProfileOwner] = Roles.ProfileOwner,
    };

    public static ApiKey ToProto(ApiKeyRecord key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var proto = new ApiKey
        {
            Name = ApiKeyNamePrefix + key.KeyId,
            KeyId = key.KeyId,
            Team = key.Team.Value,
            DisplayName = key.DisplayName,
            CreateTime = CommonMapping.ToProto(key.CreatedAt),
            Creator = key.CreatedBy,
            RevokeTime = CommonMapping.ToProto(key.RevokedAt),
        };
        proto.Roles.AddRange(key.Roles.Select(name => RoleNames.Single(r => r.Value == name).Key));
        return proto;
    }

    public static AuditEntry ToProto(AuditRecord entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var code = CodeReflection.Descriptor.EnumTypes[0].FindValueByName(entry.StatusCode)?.Number ?? (int)Code.Unknown;
        return new AuditEntry
        {
            Name = $"auditEntries/{entry.Id}",
            OccurTime = CommonMapping.ToProto(entry.OccurredAt),
            Team = entry.Team.Value,
            Actor = entry.ActorId,
            Method = entry.Method,
            Resource = entry.ResourceName,
            StatusCode = (Code)code,
            Detail = entry.Detail,
        };
    }

    /// <summary>Distinct role names of a new key: at least one, none unspecified or unknown.</summary>
    public static IReadOnlyList<string> ToRoleNames(IReadOnlyList<Role> roles, string field, RequestValidation validation)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(validation);
        validation.Check(roles.Count > 0, field, "must name at least one role.");
        validation.Check(roles.Distinct().Count() == roles.Count, field, "must not repeat a role.");
        for (var i = 0; i < roles.Count; i++) validation.Specified(roles[i], $"{field}[{i}]");
        return roles.Where(RoleNames.ContainsKey).Select(r => RoleNames[r]).Distinct().ToList();
    }

    /// <summary>A team id (required): the AIP-122 id rules.</summary>
    public static TeamId? ToTeam(string team, string field, RequestValidation validation)
    {
        ArgumentNullException.ThrowIfNull(validation);
        foreach (var violation in ResourceIds.Validate(team, field)) validation.Add(violation.Field, violation.Description);
        return ResourceIds.IsValid(team) ? new TeamId(team) : null;
    }

    /// <summary>An optional team filter: null for "every team" when empty.</summary>
    public static TeamId? ToTeamFilter(string team, string field, RequestValidation validation) =>
        team.Length == 0 ? null : ToTeam(team, field, validation);

    public static string? DisplayName(string displayName, string field, RequestValidation validation)
    {
        ArgumentNullException.ThrowIfNull(validation);
        // Control characters are refused like in every other free text: PostgreSQL cannot store a NUL at all.
        return validation.Check(displayName.Length <= MaxDisplayNameLength, field, $"must be at most {MaxDisplayNameLength} characters.")
            && validation.Check(!TextRules.HasForbiddenControlCharacter(displayName), field, "must not contain control characters other than newline and tab.")
            ? displayName : null;
    }

    /// <summary>The key id of <c>apiKeys/{api_key}</c>.</summary>
    public static string? ToKeyId(string name, string field, RequestValidation validation)
    {
        ArgumentNullException.ThrowIfNull(validation);
        if (!validation.Required(name, field)) return null;
        var keyId = name.StartsWith(ApiKeyNamePrefix, StringComparison.Ordinal) ? name[ApiKeyNamePrefix.Length..] : "";
        var valid = keyId.Length is > 0 and <= ResourceIds.MaxLength && keyId.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
        return validation.Check(valid, field, "must have the form apiKeys/{api_key}; key ids match [a-z0-9-]{1,63}.") ? keyId : null;
    }
}
