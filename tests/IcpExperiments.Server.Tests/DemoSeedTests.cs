using IcpExperiments.Contracts.V1;
using IcpExperiments.Server.Tests.Infrastructure;

namespace IcpExperiments.Server.Tests;

/// <summary>`--seed-demo` loads a realistic running experiment once; starting again with the switch adds nothing.</summary>
public sealed class DemoSeedTests : IAsyncLifetime
{
    private ServerProcess Server { get; } = new("--seed-demo");

    public Task InitializeAsync() => Server.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();

    [Fact]
    public async Task SeedDemo_StartedTwice_OneRunningExperimentWithAllAccountsPagedThrough()
    {
        await Server.KillAsync();
        await Server.StartAsync();
        using var channel = Server.CreateChannel();
        var experiments = new ExperimentService.ExperimentServiceClient(channel);
        var outcomes = new OutcomeService.OutcomeServiceClient(channel);

        var running = await experiments.ListExperimentsAsync(new ListExperimentsRequest { State = ExperimentState.Running });
        var demo = Assert.Single(running.Experiments);
        Assert.Equal("experiments/demo-headcount-widening", demo.Name);
        var campaigns = await experiments.ListCampaignsAsync(new ListCampaignsRequest { Parent = demo.Name });
        Assert.Equal(4, campaigns.Campaigns.Count);

        var accounts = new HashSet<string>();
        var request = new ListEnrolmentsRequest { Parent = demo.Name, PageSize = 700 };
        int pages = 0;
        do
        {
            var page = await experiments.ListEnrolmentsAsync(request);
            Assert.True(page.Enrolments.Count <= 700);
            foreach (var enrolment in page.Enrolments) Assert.True(accounts.Add(enrolment.AccountId), $"{enrolment.AccountId} listed twice");
            request.PageToken = page.NextPageToken;
            pages++;
        }
        while (request.PageToken.Length > 0);

        Assert.Equal(3000, accounts.Count);
        Assert.Equal(5, pages);
        var firstOutcomes = await outcomes.ListOutcomesAsync(new ListOutcomesRequest { Parent = demo.Name, PageSize = 1000 });
        Assert.Contains(firstOutcomes.Outcomes, o => o.ResultCase == Outcome.ResultOneofCase.Converted);
        Assert.Contains(firstOutcomes.Outcomes, o => o.ResultCase == Outcome.ResultOneofCase.Lost);
    }
}
