using System.ComponentModel.DataAnnotations;

namespace IcpExperiments.Server.Demo;

/// <summary>
/// Demo data settings, section <c>IcpExperiments:Demo</c> (environment <c>IcpExperiments__Demo__Seed=true</c>, or the
/// <c>--seed-demo</c> switch). Validated at start-up.
/// </summary>
public sealed class DemoOptions
{
    public const string SectionName = "IcpExperiments:Demo";
    public const int DefaultAccounts = 3000;
    public const int DefaultRandomSeed = 20_261_124;

    /// <summary>Load the demo experiment at start-up (skipped when it is already there). Default false.</summary>
    public bool Seed { get; set; }

    /// <summary>Accounts enrolled in the demo experiment, 100-100,000. Default 3000.</summary>
    [Range(100, 100_000)]
    public int Accounts { get; set; } = DefaultAccounts;

    /// <summary>Seed of the random generator, so every demo database holds the same data. Default 20261124.</summary>
    public int RandomSeed { get; set; } = DefaultRandomSeed;
}
