namespace IcpExperiments.Server.Demo;

/// <summary>Turns the <c>--seed-demo</c> switch into the configuration key it stands for (switches without a value are not configuration).</summary>
public static class DemoCommandLine
{
    public const string Switch = "--seed-demo";

    public static string[] Expand(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Select(a => a == Switch ? $"--{DemoOptions.SectionName}:Seed=true" : a).ToArray();
    }
}
