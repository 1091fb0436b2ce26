namespace IcpExperiments.Core.Analysis;

/// <summary>How p-values are adjusted across variants × metrics.</summary>
public enum MultipleComparisonCorrection
{
    /// <summary>Holm step-down: controls the family-wise error rate (the default).</summary>
    Holm = 0,

    /// <summary>Benjamini–Hochberg: controls the false discovery rate (more discoveries, weaker guarantee).</summary>
    BenjaminiHochberg = 1,
}
