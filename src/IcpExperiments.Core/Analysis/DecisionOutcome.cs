namespace IcpExperiments.Core.Analysis;

/// <summary>The call on one variant against control (DESIGN §3).</summary>
public enum DecisionOutcome
{
    /// <summary>Significantly better on the primary metric and no guardrail harmed beyond its tolerance.</summary>
    Win,

    /// <summary>Significantly better on the primary metric, but a guardrail is harmed beyond its tolerance.</summary>
    Tradeoff,

    /// <summary>Significantly worse on the primary metric.</summary>
    Lose,

    /// <summary>Not significant and the interval lies inside ±MDE: a powered null.</summary>
    Equivalent,

    /// <summary>Anything else: keep collecting (see the accounts still needed).</summary>
    Inconclusive,

    /// <summary>Sample ratio mismatch or too little data: no call can be made.</summary>
    Invalid,
}
