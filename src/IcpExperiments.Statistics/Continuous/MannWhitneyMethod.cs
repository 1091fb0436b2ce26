namespace IcpExperiments.Statistics.Continuous;

/// <summary>How the Mann–Whitney p-value is obtained.</summary>
public enum MannWhitneyMethod
{
    /// <summary>Exact when there are no ties and both arms have fewer than 50 values (R's rule), else asymptotic.</summary>
    Auto,

    /// <summary>Exact null distribution of U; requires no ties (scipy method="exact", R exact=TRUE).</summary>
    Exact,

    /// <summary>Tie-corrected normal approximation with continuity correction (scipy method="asymptotic").</summary>
    Asymptotic,
}
