namespace IcpExperiments.Core.Outcomes;

public enum OutcomeKind
{
    /// <summary>The deal was won, with its ACV.</summary>
    Converted = 1,

    /// <summary>The deal was lost (for cycle length, censored at the loss).</summary>
    Lost = 2,
}
