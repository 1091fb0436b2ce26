namespace IcpExperiments.Statistics.Common;

/// <summary>Argument checks shared by every public statistical function: invalid input throws, never returns NaN.</summary>
internal static class Guard
{
    public static void Finite(double value, string name)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number.");
    }

    public static void AllFinite(ReadOnlySpan<double> values, string name)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
                throw new ArgumentOutOfRangeException(name, values[i], $"{name}[{i}] must be a finite number.");
        }
    }

    public static void NotEmpty(ReadOnlySpan<double> values, string name)
    {
        if (values.IsEmpty) throw new ArgumentException($"{name} must not be empty.", name);
    }

    public static void Alpha(double alpha, string name = "alpha")
    {
        if (!(alpha > 0 && alpha < 1)) throw new ArgumentOutOfRangeException(name, alpha, $"{name} must be in (0, 1).");
    }

    public static void Probability(double p, string name)
    {
        if (!(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(name, p, $"{name} must be in [0, 1].");
    }

    public static void Counts(long successes, long trials, string successesName, string trialsName)
    {
        if (trials <= 0) throw new ArgumentOutOfRangeException(trialsName, trials, $"{trialsName} must be > 0.");
        if (successes < 0) throw new ArgumentOutOfRangeException(successesName, successes, $"{successesName} must be ≥ 0.");
        if (successes > trials)
            throw new ArgumentOutOfRangeException(successesName, successes, $"{successesName} must not exceed {trialsName} ({trials}).");
    }

    public static void Positive(double value, string name)
    {
        if (!(value > 0) || double.IsInfinity(value)) throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite and > 0.");
    }
}
