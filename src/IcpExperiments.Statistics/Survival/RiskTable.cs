namespace IcpExperiments.Statistics.Survival;

/// <summary>Distinct event times of one arm with the number at risk just before each and the events at it.</summary>
internal sealed record RiskTable(double[] Times, int[] AtRisk, int[] Events)
{
    public int Length => Times.Length;
}
