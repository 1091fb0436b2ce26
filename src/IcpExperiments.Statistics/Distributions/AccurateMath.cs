namespace IcpExperiments.Statistics.Distributions;

/// <summary>
/// ln(1 + x) and eˣ − 1 to full relative precision for tiny x. .NET's <c>double.LogP1</c>/<c>ExpM1</c> are computed
/// as <c>Log(x + 1)</c>/<c>Exp(x) − 1</c> and lose every digit there, so these use Kahan's corrections instead.
/// </summary>
internal static class AccurateMath
{
    public static double Log1P(double x)
    {
        double u = 1.0 + x;
        // (u − 1) is exact; the ratio corrects the rounding of 1 + x.
        return u == 1.0 ? x : double.IsPositiveInfinity(u) ? Math.Log(x) : Math.Log(u) * x / (u - 1.0);
    }

    public static double ExpM1(double x)
    {
        if (Math.Abs(x) >= 0.5) return Math.Exp(x) - 1.0;
        double u = Math.Exp(x);
        return u == 1.0 ? x : (u - 1.0) * x / Math.Log(u);
    }
}
