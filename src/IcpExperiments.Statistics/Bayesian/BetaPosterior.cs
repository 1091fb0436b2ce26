namespace IcpExperiments.Statistics.Bayesian;

/// <summary>Beta(α, β) posterior of a conversion rate; α is an integer count so the exact sums apply.</summary>
internal readonly record struct BetaPosterior(long Alpha, double Beta)
{
    public double Mean => Alpha / (Alpha + Beta);

    /// <summary>Beta(α + 1, β): the size-biased distribution, E[p·g(p)] = Mean · E_{α+1}[g(p)].</summary>
    public BetaPosterior WithExtraSuccess() => new(Alpha + 1, Beta);
}
