using IcpExperiments.Core.Experiments;

namespace IcpExperiments.Storage.Tests;

/// <summary>Structural equality for domain records that hold lists (records compare lists by reference).</summary>
internal static class Same
{
    public static void Experiment(Experiment expected, Experiment actual)
    {
        Assert.Equal(expected.Design.Variants, actual.Design.Variants);
        Assert.Equal(expected.Design.Guardrails, actual.Design.Guardrails);
        Assert.Equal(expected.Design, actual.Design with { Variants = expected.Design.Variants, Guardrails = expected.Design.Guardrails });
        Assert.Equal(expected, actual with { Design = expected.Design });
    }
}
