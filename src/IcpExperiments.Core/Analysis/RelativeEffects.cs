using IcpExperiments.Statistics.Common;
using IcpExperiments.Statistics.Distributions;

namespace IcpExperiments.Core.Analysis;

/// <summary>Relative effects (variant / control − 1) and their intervals.</summary>
internal static class RelativeEffects
{
    /// <summary>
    /// Divides an absolute effect and its interval by control's value, treating control as known. Used for
    /// confidence sequences, where no ratio sequence is available; the note on the comparison says so.
    /// </summary>
    public static Effect? Scale(Effect absolute, double controlValue)
    {
        if (!(controlValue > 0) || !double.IsFinite(controlValue)) return null;
        return new Effect(
            absolute.Estimate / controlValue,
            new Interval(absolute.Interval.Lower / controlValue, absolute.Interval.Upper / controlValue));
    }

    /// <summary>
    /// Delta method on the log ratio of two positive estimates with the given variances:
    /// Var(log r) ≈ Var(v)/v² + Var(c)/c²; the interval is exp(log r ± z·se) − 1, so it never crosses −100%.
    /// </summary>
    public static Effect? LogRatio(double control, double controlVariance, double variant, double variantVariance, double alpha)
    {
        if (!(control > 0) || !(variant > 0)) return null;
        double logRatio = Math.Log(variant / control);
        double se = Math.Sqrt(variantVariance / (variant * variant) + controlVariance / (control * control));
        if (!double.IsFinite(se)) return null;
        double margin = Normal.UpperQuantile(alpha / 2) * se;
        return new Effect(Math.Exp(logRatio) - 1, new Interval(Math.Exp(logRatio - margin) - 1, Math.Exp(logRatio + margin) - 1));
    }
}
