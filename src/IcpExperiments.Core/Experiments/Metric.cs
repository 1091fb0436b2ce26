namespace IcpExperiments.Core.Experiments;

/// <summary>Metrics an experiment can be judged on (DESIGN.md §2).</summary>
public enum Metric
{
    /// <summary>P(won within the observation window). Higher is better.</summary>
    Conversion = 1,

    /// <summary>Days from enrolment to close-won (time to event, open deals censored). Lower is better.</summary>
    CycleLength = 2,

    /// <summary>Annual contract value of won deals. Higher is better.</summary>
    Acv = 3,

    /// <summary>ACV × won, zero otherwise. Higher is better.</summary>
    RevenuePerAccount = 4,

    /// <summary>Campaign spend per conversion. Lower is better.</summary>
    Cac = 5,
}
