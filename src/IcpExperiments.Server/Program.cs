using IcpExperiments.Server.Composition;
using Microsoft.Extensions.Options;

// The composition lives in IcpExperimentsHost, so in-process tests build exactly this host.
try
{
    await using var app = await IcpExperimentsHost.CreateBuilder(args).BuildAsync();
    await app.RunAsync();
    return 0;
}
catch (OptionsValidationException invalid)
{
    // A bad setting is the operator's to fix: say which one, without a stack trace or a core dump (exit 134).
    await Console.Error.WriteLineAsync($"Invalid configuration: {string.Join(" ", invalid.Failures)}");
    return 2;
}
