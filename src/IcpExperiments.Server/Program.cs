using IcpExperiments.Server.Composition;

// The composition lives in IcpExperimentsHost, so in-process tests build exactly this host.
await using var app = await IcpExperimentsHost.CreateBuilder(args).BuildAsync();
await app.RunAsync();
