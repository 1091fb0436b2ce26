namespace IcpExperiments.Core.Analysis;

/// <summary>An account's deal as seen at the analysis instant, after the observation window and as-of are applied.</summary>
public enum AccountStatus : byte
{
    /// <summary>No win or loss observed (still open at as-of, or won only after the observation window): right-censored.</summary>
    Open = 0,

    /// <summary>Won within the observation window and no later than as-of.</summary>
    Converted = 1,

    /// <summary>Lost no later than as-of; censored at the loss for time-to-win.</summary>
    Lost = 2,
}
