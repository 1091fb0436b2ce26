using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests.Security;

/// <summary>Every write leaves who, what, when and how it ended in the audit trail; reads leave nothing.</summary>
[Collection(SharedServer.Name)]
public sealed class AuditTests(ServerFixture fixture)
{
    [Fact]
    public async Task ListAuditEntries_AfterWrites_RecordsKeyMethodResourceAndStatus()
    {
        var team = Requests.NewId("audited");
        using var experimenter = await KeyedClients.CreateAsync(fixture.Server, team, Role.Experimenter, Role.ProfileOwner);
        var profileId = Requests.NewId("prf");
        await experimenter.Profiles.CreateProfileAsync(new CreateProfileRequest { ProfileId = profileId, Profile = new Profile { DisplayName = "ICP" } });
        await experimenter.Profiles.GetProfileAsync(new GetProfileRequest { Name = $"profiles/{profileId}" });
        await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => experimenter.Experiments.StartExperimentAsync(new StartExperimentRequest { Name = "experiments/missing" }).ResponseAsync);

        var entries = (await Admin.ListAuditEntriesAsync(new ListAuditEntriesRequest { Team = team })).AuditEntries;

        Assert.Equal(2, entries.Count); // The read is not audited.
        var (failed, created) = (entries[0], entries[1]); // Newest first.
        Assert.Equal("/icp_experiments.v1.ProfileService/CreateProfile", created.Method);
        Assert.Equal($"profiles/{profileId}", created.Resource);
        Assert.Equal(experimenter.Key.KeyId, created.Actor);
        Assert.Equal(team, created.Team);
        Assert.Equal(Code.Ok, created.StatusCode);
        Assert.Equal("/icp_experiments.v1.ExperimentService/StartExperiment", failed.Method);
        Assert.Equal("experiments/missing", failed.Resource);
        Assert.Equal(Code.NotFound, failed.StatusCode);
        Assert.True(failed.OccurTime.ToDateTimeOffset() >= created.OccurTime.ToDateTimeOffset());
    }

    [Fact]
    public async Task ListAuditEntries_ImportStream_OneEntryForTheWholeStream()
    {
        var team = Requests.NewId("importing");
        using var experimenter = await KeyedClients.CreateAsync(fixture.Server, team, Role.Experimenter, Role.ProfileOwner);
        var experimentName = (await experimenter.CreateRunningExperimentAsync()).Name;
        using var call = experimenter.Outcomes.ImportOutcomes();
        for (var batch = 0; batch < 3; batch++)
        {
            var request = new ImportOutcomesRequest { BatchId = $"b{batch}", Parent = experimentName };
            request.Rows.AddRange(Enumerable.Range(0, 100).Select(i => new ImportRow { Enrolment = Requests.Enrolment($"acct-{batch}-{i}", "control", DateTimeOffset.UtcNow.AddDays(-5)) }));
            await call.RequestStream.WriteAsync(request);
        }

        await call.RequestStream.CompleteAsync();
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
        }

        var entries = (await Admin.ListAuditEntriesAsync(new ListAuditEntriesRequest { Team = team })).AuditEntries;

        var import = Assert.Single(entries, e => e.Method.EndsWith("/ImportOutcomes", StringComparison.Ordinal));
        Assert.Equal(experimentName, import.Resource);
        Assert.Equal("messages=3", import.Detail);
        Assert.Equal(Code.Ok, import.StatusCode);
    }

    [Fact]
    public async Task ListAuditEntries_TimeRangeAndPages_FilterAndPageNewestFirst()
    {
        var team = Requests.NewId("paged");
        using var owner = await KeyedClients.CreateAsync(fixture.Server, team, Role.ProfileOwner);
        for (var i = 0; i < 3; i++)
            await owner.Profiles.CreateProfileAsync(new CreateProfileRequest { ProfileId = $"p{i}", Profile = new Profile { DisplayName = "ICP" } });
        var first = await Admin.ListAuditEntriesAsync(new ListAuditEntriesRequest { Team = team, PageSize = 2 });
        var second = await Admin.ListAuditEntriesAsync(new ListAuditEntriesRequest { Team = team, PageSize = 2, PageToken = first.NextPageToken });
        var future = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(1));

        var none = await Admin.ListAuditEntriesAsync(new ListAuditEntriesRequest { Team = team, StartTime = future });
        var all = await Admin.ListAuditEntriesAsync(new ListAuditEntriesRequest { Team = team, EndTime = future });

        Assert.Equal(["profiles/p2", "profiles/p1"], first.AuditEntries.Select(e => e.Resource));
        Assert.Equal(["profiles/p0"], second.AuditEntries.Select(e => e.Resource));
        Assert.Empty(second.NextPageToken);
        Assert.Empty(none.AuditEntries);
        Assert.Equal(3, all.AuditEntries.Count);
    }

    private AdminService.AdminServiceClient Admin => new(fixture.Channel);
}
