using Grpc.Core;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Core.Accounts;
using IcpExperiments.Core.Application;
using IcpExperiments.Server.Mapping;
using IcpExperiments.Server.Security;
using IcpExperiments.Server.Validation;

namespace IcpExperiments.Server.Services;

/// <summary>ProfileService: validates requests, maps them to the profile use cases and maps the results back.</summary>
public sealed class ProfileGrpcService(ProfileApplicationService profiles) : ProfileService.ProfileServiceBase
{

    public override async Task<CreateProfileResponse> CreateProfile(CreateProfileRequest request, ServerCallContext context)
    {
        var validation = new RequestValidation();
        validation.Required(request.Profile, "profile");
        var firstVersion = request.FirstVersion is null ? null : ProfileMapping.ToContent(request.FirstVersion, "first_version", validation);
        validation.ThrowIfInvalid();
        var profileId = request.ProfileId.Length == 0 ? ResourceIds.New("prf") : request.ProfileId;
        var profile = await ContractFieldPaths.InContractTermsAsync(
            () => profiles.CreateAsync(context.GetCaller().Team, profileId, request.Profile.DisplayName, request.Profile.Description, firstVersion, context.CancellationToken),
            tierLevels: firstVersion?.FitTiers.Select(t => t.Level).ToList());
        return new CreateProfileResponse { Profile = ProfileMapping.ToProto(profile) };
    }

    public override async Task<GetProfileResponse> GetProfile(GetProfileRequest request, ServerCallContext context)
    {
        var validation = new RequestValidation();
        var profileId = ResourceNames.Profile(request.Name, "name", validation);
        validation.ThrowIfInvalid();
        var profile = await profiles.GetAsync(context.GetCaller().Team, profileId!, context.CancellationToken);
        return new GetProfileResponse { Profile = ProfileMapping.ToProto(profile) };
    }

    public override async Task<ListProfilesResponse> ListProfiles(ListProfilesRequest request, ServerCallContext context)
    {
        var validation = new RequestValidation();
        var page = CommonMapping.ToPageRequest(request.PageSize, request.PageToken, validation);
        validation.ThrowIfInvalid();
        var result = await profiles.ListAsync(context.GetCaller().Team, page, context.CancellationToken);
        var response = new ListProfilesResponse { NextPageToken = result.NextPageToken ?? string.Empty };
        response.Profiles.AddRange(result.Items.Select(ProfileMapping.ToProto));
        return response;
    }

    public override async Task<CreateProfileVersionResponse> CreateProfileVersion(CreateProfileVersionRequest request, ServerCallContext context)
    {
        var validation = new RequestValidation();
        var profileId = ResourceNames.Profile(request.Parent, "parent", validation);
        var content = validation.Required(request.Version, "version") ? ProfileMapping.ToContent(request.Version, "version", validation) : null;
        validation.ThrowIfInvalid();
        var version = await ContractFieldPaths.InContractTermsAsync(
            () => profiles.CreateVersionAsync(context.GetCaller().Team, profileId!, content!, request.Version.ChangeNote, context.CancellationToken),
            tierLevels: content!.FitTiers.Select(t => t.Level).ToList());
        return new CreateProfileVersionResponse { ProfileVersion = ProfileMapping.ToProto(version) };
    }

    public override async Task<GetProfileVersionResponse> GetProfileVersion(GetProfileVersionRequest request, ServerCallContext context)
    {
        var validation = new RequestValidation();
        var name = ResourceNames.ProfileVersion(request.Name, "name", validation);
        validation.ThrowIfInvalid();
        var version = await profiles.GetVersionAsync(context.GetCaller().Team, name!.Value.ProfileId, name.Value.Version, context.CancellationToken);
        return new GetProfileVersionResponse { ProfileVersion = ProfileMapping.ToProto(version) };
    }

    public override async Task<ListProfileVersionsResponse> ListProfileVersions(ListProfileVersionsRequest request, ServerCallContext context)
    {
        var validation = new RequestValidation();
        var profileId = ResourceNames.Profile(request.Parent, "parent", validation);
        var page = CommonMapping.ToPageRequest(request.PageSize, request.PageToken, validation);
        validation.ThrowIfInvalid();
        var result = await profiles.ListVersionsAsync(context.GetCaller().Team, profileId!, page, context.CancellationToken);
        var response = new ListProfileVersionsResponse { NextPageToken = result.NextPageToken ?? string.Empty };
        response.ProfileVersions.AddRange(result.Items.Select(ProfileMapping.ToProto));
        return response;
    }

    public override async Task<DiffProfileVersionsResponse> DiffProfileVersions(DiffProfileVersionsRequest request, ServerCallContext context)
    {
        var validation = new RequestValidation();
        var baseVersion = ResourceNames.ProfileVersion(request.BaseVersion, "base_version", validation);
        var otherVersion = ResourceNames.ProfileVersion(request.OtherVersion, "other_version", validation);
        if (baseVersion is { } b && otherVersion is { } o)
            validation.Check(b.ProfileId == o.ProfileId, "other_version", "must be a version of the same profile as base_version.");
        validation.ThrowIfInvalid();
        var diff = await profiles.DiffAsync(context.GetCaller().Team, baseVersion!.Value.ProfileId, baseVersion.Value.Version, otherVersion!.Value.Version, context.CancellationToken);
        return ProfileMapping.ToProto(diff);
    }

    public override async Task<ScoreAccountsResponse> ScoreAccounts(ScoreAccountsRequest request, ServerCallContext context)
    {
        var validation = new RequestValidation();
        var version = ResourceNames.ProfileVersion(request.ProfileVersion, "profile_version", validation);
        validation.Check(request.Accounts.Count is >= 1 and <= MaxAccountsToScore, "accounts", $"must hold 1-{MaxAccountsToScore} accounts.");
        var accounts = request.Accounts.Select((account, i) =>
        {
            validation.Required(account.AccountId, $"accounts[{i}].account_id");
            return new Account(account.AccountId, AccountMapping.ToDomain(account.Attributes, $"accounts[{i}].attributes", validation));
        }).ToList();
        validation.ThrowIfInvalid();
        var scores = await profiles.ScoreAsync(context.GetCaller().Team, version!.Value.ProfileId, version.Value.Version, accounts, context.CancellationToken);
        var response = new ScoreAccountsResponse();
        response.Scores.AddRange(scores.Select(ProfileMapping.ToProto));
        return response;
    }

    private const int MaxAccountsToScore = 1000;
}
