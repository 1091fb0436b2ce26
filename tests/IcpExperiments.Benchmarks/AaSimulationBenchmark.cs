using System.Diagnostics;
using IcpExperiments.Statistics.Common;
using IcpExperiments.Statistics.Distributions;
using IcpExperiments.Statistics.Proportions;
using IcpExperiments.Statistics.Sequential;
using IcpExperiments.Statistics.Survival;
using IcpExperiments.Statistics.VarianceReduction;

namespace IcpExperiments.Benchmarks;

/// <summary>
/// A/A experiments (both arms drawn from the same population): the false-positive rate of every fixed-horizon test
/// must sit within binomial error of alpha, and with a look after every batch the always-valid sequential tests
/// must stay at or below alpha while the naive z-test looked at the same way does not.
/// Usage: aa-simulation [runs=4000] [accountsPerArm=1000] [looks=20] [seed=20261123]
/// </summary>
public sealed class AaSimulationBenchmark : IBenchmark
{
    private const double Alpha = 0.05;

    public string Name => "aa-simulation";

    public string Description => "A/A false-positive rates: fixed-horizon tests, sequential and naive z with peeking (binomial SEs)";

    public Task RunAsync(string[] args)
    {
        int runs = args.Length > 0 ? int.Parse(args[0]) : 4000;
        int perArm = args.Length > 1 ? int.Parse(args[1]) : 1000;
        int looks = args.Length > 2 ? int.Parse(args[2]) : 20;
        int seed = args.Length > 3 ? int.Parse(args[3]) : 20261123;
        var rejections = new int[Checks.Length];
        var stopwatch = Stopwatch.StartNew();
        Parallel.For(0, runs, () => new int[Checks.Length], (run, _, local) =>
        {
            // One Random per run, seeded from the run index: the figures do not depend on thread scheduling.
            var random = new Random(seed + run);
            var control = ArmData.Draw(random, perArm);
            var variant = ArmData.Draw(random, perArm);
            var rejected = Evaluate(control, variant, looks);
            for (int i = 0; i < rejected.Length; i++) local[i] += rejected[i] ? 1 : 0;
            return local;
        }, local => { lock (rejections) for (int i = 0; i < local.Length; i++) rejections[i] += local[i]; });

        Console.WriteLine($"A/A simulation: {runs} runs, {perArm} accounts per arm, alpha {Alpha}, {looks} looks for peeking; {stopwatch.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"{"check",-52} {"false-positive rate",20} {"binomial SE",12}  verdict");
        for (int i = 0; i < Checks.Length; i++)
        {
            double rate = (double)rejections[i] / runs, se = Math.Sqrt(rate * (1 - rate) / runs);
            double seAtAlpha = Math.Sqrt(Alpha * (1 - Alpha) / runs);
            string verdict = Checks[i].Kind switch
            {
                CheckKind.FixedHorizon => Math.Abs(rate - Alpha) <= 2 * seAtAlpha ? "within 2 SE of alpha" : "OUTSIDE 2 SE of alpha",
                CheckKind.Sequential => rate <= Alpha ? "at or below alpha" : "ABOVE alpha",
                _ => rate > Alpha + 2 * seAtAlpha ? "exceeds alpha (expected)" : "did not exceed alpha",
            };
            Console.WriteLine($"{Checks[i].Name,-52} {rate,20:F4} {se,12:F4}  {verdict}");
        }

        return Task.CompletedTask;
    }

    private enum CheckKind { FixedHorizon, Sequential, NaivePeeking }

    private static readonly (string Name, CheckKind Kind)[] Checks =
    [
        ("conversion: pooled two-proportion z", CheckKind.FixedHorizon),
        ("conversion: chi-square 2x2 with Yates (conservative)", CheckKind.FixedHorizon),
        ("conversion: Fisher exact (conservative)", CheckKind.FixedHorizon),
        ("cycle length: log-rank", CheckKind.FixedHorizon),
        ("cycle length: RMST difference at 150 days", CheckKind.FixedHorizon),
        ("revenue/account: pooled t (unadjusted OLS)", CheckKind.FixedHorizon),
        ("revenue/account: CUPED-adjusted t", CheckKind.FixedHorizon),
        ("peeking: always-valid p, conversion", CheckKind.Sequential),
        ("peeking: always-valid p, revenue/account", CheckKind.Sequential),
        ("peeking: naive z on conversion at every look", CheckKind.NaivePeeking),
    ];

    private static bool[] Evaluate(ArmData control, ArmData variant, int looks)
    {
        long cs = control.Conversions(control.Count), vs = variant.Conversions(variant.Count);
        long n = control.Count;
        var cuped = Cuped.Analyze(control.Revenue, control.Covariate, variant.Revenue, variant.Covariate);
        var controlSample = SurvivalSample.Create(control.Times, control.Events);
        var variantSample = SurvivalSample.Create(variant.Times, variant.Events);
        var fixedHorizon = new[]
        {
            TwoProportionZTest.Run(cs, n, vs, n),
            ChiSquareTest2x2.Run(cs, n, vs, n, yatesCorrection: true),
            FisherExactTest.Run(cs, n, vs, n),
            LogRank.Test(controlSample, variantSample).Test,
            RestrictedMeanSurvival.Compare(controlSample, variantSample, 150).Difference,
            cuped.Unadjusted,
            cuped.Adjusted,
        };

        var design = new SequentialDesign(Alpha, 2L * n);
        bool sequentialConversion = false, sequentialRevenue = false, naive = false;
        for (int look = 1; look <= looks; look++)
        {
            int seen = (int)((long)n * look / looks);
            long c = control.Conversions(seen), v = variant.Conversions(seen);
            sequentialConversion |= SequentialTest.Proportions(c, seen, v, seen, design).PValue <= Alpha;
            sequentialRevenue |= SequentialTest.Means(control.RevenueMoments(seen), variant.RevenueMoments(seen), design).PValue <= Alpha;
            var z = TwoProportionZTest.Run(c, seen, v, seen);
            naive |= z.IsComputable && z.PValue <= Alpha;
        }

        var result = new bool[Checks.Length];
        for (int i = 0; i < fixedHorizon.Length; i++) result[i] = fixedHorizon[i].IsComputable && fixedHorizon[i].PValue <= Alpha;
        result[^3] = sequentialConversion;
        result[^2] = sequentialRevenue;
        result[^1] = naive;
        return result;
    }

    /// <summary>
    /// One arm of sales accounts in enrolment order: pre-period engagement x, time to close-won (hazard rising with
    /// x), censored at the as-of date, and ACV for won deals (revenue 0 otherwise).
    /// </summary>
    private sealed class ArmData
    {
        public required double[] Covariate { get; init; }

        public required double[] Times { get; init; }

        public required bool[] Events { get; init; }

        public required double[] Revenue { get; init; }

        public int Count => Times.Length;

        public static ArmData Draw(Random random, int count)
        {
            var x = new double[count];
            var times = new double[count];
            var events = new bool[count];
            var revenue = new double[count];
            for (int i = 0; i < count; i++)
            {
                x[i] = -Math.Log(1 - random.NextDouble());
                double winTime = -Math.Log(1 - random.NextDouble()) * 400 / (0.5 + x[i]);
                double asOf = 30 + random.NextDouble() * 150;
                events[i] = winTime <= asOf;
                times[i] = Math.Round(Math.Min(winTime, asOf));
                revenue[i] = events[i] ? Math.Exp(9.5 + 0.6 * Normal.Quantile(random.NextDouble() * 0.999998 + 1e-6)) : 0.0;
            }

            return new ArmData { Covariate = x, Times = times, Events = events, Revenue = revenue };
        }

        public long Conversions(int firstAccounts)
        {
            long conversions = 0;
            for (int i = 0; i < firstAccounts; i++) conversions += Events[i] ? 1 : 0;
            return conversions;
        }

        public SampleMoments RevenueMoments(int firstAccounts) => SampleMoments.FromValues(Revenue.AsSpan(0, firstAccounts));
    }
}
