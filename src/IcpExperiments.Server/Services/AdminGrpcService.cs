using Grpc.Core;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Mapping;
using IcpExperiments.Server.Security;
using IcpExperiments.Server.Security.Audit;
using IcpExperiments.Server.Validation;
using IcpExperiments.Storage.Security;

namespace IcpExperiments.Server.Services;

/// <summary>AdminService: API keys and the audit trail (admin role only, see <see cref="RpcPolicyTable"/>).</summary>
public sealed class AdminGrpcService(ApiKeyAdministration keys, IAuditStore auditStore, AuditTrail auditTrail) : AdminService.AdminServiceBase
{
    public override async Task<CreateApiKeyResponse> CreateApiKey(CreateApiKeyRequest request, ServerCallContext context)
    {
        var validation = new RequestValidation();
        var present = validation.Required(request.ApiKey, "api_key");
        var team = present ? AdminMapping.ToTeam(request.ApiKey.Team, "api_key.team", validation) : null;
        var roles = present ? AdminMapping.ToRoleNames(request.ApiKey.Roles, "api_key.roles", validation) : null;
        var displayName = present ? AdminMapping.DisplayName(request.ApiKey.DisplayName, "api_key.display_name", validation) : null;
        validation.ThrowIfInvalid();
        var (record, key) = await keys.CreateAsync(context.GetCaller(), team!.Value, displayName!, roles!, context.CancellationToken);
        return new CreateApiKeyResponse { ApiKey = AdminMapping.ToProto(record), Secret = key };
    }

    public override async Task<ListApiKeysResponse> ListApiKeys(ListApiKeysRequest request, ServerCallContext context)
    {
        var validation = new RequestValidation();
        var team = AdminMapping.ToTeamFilter(request.Team, "team", validation);
        var page = CommonMapping.ToPageRequest(request.PageSize, request.PageToken, validation);
        validation.ThrowIfInvalid();
        var result = await keys.ListAsync(team, page, context.CancellationToken);
        var response = new ListApiKeysResponse { NextPageToken = result.NextPageToken ?? string.Empty };
        response.ApiKeys.AddRange(result.Items.Select(AdminMapping.ToProto));
        return response;
    }

    public override async Task<RevokeApiKeyResponse> RevokeApiKey(RevokeApiKeyRequest request, ServerCallContext context)
    {
        var validation = new RequestValidation();
        var keyId = AdminMapping.ToKeyId(request.Name, "name", validation);
        validation.ThrowIfInvalid();
        return new RevokeApiKeyResponse { ApiKey = AdminMapping.ToProto(await keys.RevokeAsync(keyId!, context.CancellationToken)) };
    }

    public override async Task<ListAuditEntriesResponse> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context)
    {
        var validation = new RequestValidation();
        var team = AdminMapping.ToTeamFilter(request.Team, "team", validation);
        DateTimeOffset? from = request.StartTime is null ? null : CommonMapping.ToInstant(request.StartTime, "start_time", validation);
        DateTimeOffset? to = request.EndTime is null ? null : CommonMapping.ToInstant(request.EndTime, "end_time", validation);
        var page = CommonMapping.ToPageRequest(request.PageSize, request.PageToken, validation);
        validation.ThrowIfInvalid();

        // Entries of calls that already ended may still be queued: store them first, so a caller reads its own writes.
        await auditTrail.FlushAsync(context.CancellationToken);
        var result = await auditStore.ListAsync(new AuditQuery(team, from, to), page, context.CancellationToken);
        var response = new ListAuditEntriesResponse { NextPageToken = result.NextPageToken ?? string.Empty };
        response.AuditEntries.AddRange(result.Items.Select(AdminMapping.ToProto));
        return response;
    }
}
