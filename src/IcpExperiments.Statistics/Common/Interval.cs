namespace IcpExperiments.Statistics.Common;

/// <summary>A closed interval [Lower, Upper]; bounds may be infinite (e.g. an unreached median's upper limit).</summary>
public readonly record struct Interval(double Lower, double Upper)
{
    /// <summary>True when <paramref name="value"/> lies within the bounds (inclusive).</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>True when the interval excludes <paramref name="value"/>, e.g. zero for a significant difference.</summary>
    public bool Excludes(double value) => !Contains(value);

    public double Width => Upper - Lower;
}
