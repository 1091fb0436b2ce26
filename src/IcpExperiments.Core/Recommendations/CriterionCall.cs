namespace IcpExperiments.Core.Recommendations;

/// <summary>What to do with one criterion a variant changed (DESIGN §3).</summary>
public enum CriterionCall
{
    /// <summary>The variant won: use its definition.</summary>
    Adopt,

    /// <summary>Keep control's definition (the variant lost, traded off a guardrail, or narrowed without gain).</summary>
    Keep,

    /// <summary>No difference in outcome: use the variant's wider definition (bigger addressable market).</summary>
    Widen,

    /// <summary>Not enough evidence yet: keep the experiment running.</summary>
    KeepRunning,

    /// <summary>The experiment is invalid (sample ratio mismatch or too little data): no call.</summary>
    NoCall,
}
