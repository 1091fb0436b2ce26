using System.Diagnostics;
using IcpExperiments.Statistics.Continuous;
using IcpExperiments.Statistics.Survival;

namespace IcpExperiments.Benchmarks;

/// <summary>
/// Speed of the two-sample tests on large arms, each against the floor for rank-based tests: sorting the same
/// two arrays once (copy + Array.Sort per arm). Welch is O(n) and should sit well below it; Mann–Whitney and
/// log-rank sort inside, so ≤ 2× the floor is the target. Medians over repetitions after a warm-up.
/// Usage: statistics-speed [accountsPerArm=1000000] [repetitions=9] [seed=20261124]
/// </summary>
public sealed class StatisticsSpeedBenchmark : IBenchmark
{
    public string Name => "statistics-speed";

    public string Description => "Welch, Mann–Whitney, log-rank on 1M accounts per arm vs. one sort of the same arrays";

    public Task RunAsync(string[] args)
    {
        int perArm = args.Length > 0 ? int.Parse(args[0]) : 1_000_000;
        int repetitions = args.Length > 1 ? int.Parse(args[1]) : 9;
        int seed = args.Length > 2 ? int.Parse(args[2]) : 20261124;
        var random = new Random(seed);

        // ACV-like values rounded to whole currency units (so ties occur, as in CRM data); cycle length in whole days,
        // about a third of deals still open (censored).
        double[] controlAcv = Acv(random, perArm, 10.0), variantAcv = Acv(random, perArm, 10.05);
        double[] controlDays = Days(random, perArm, 90), variantDays = Days(random, perArm, 85);
        bool[] controlWon = Won(random, perArm), variantWon = Won(random, perArm);

        var cases = new (string Name, string Floor, Action Run)[]
        {
            ("sort floor (ACV arrays)", "", () => SortBoth(controlAcv, variantAcv)),
            ("Welch t (raw values)", "sort floor (ACV arrays)", () => WelchTTest.Run(controlAcv, variantAcv)),
            ("Mann–Whitney U", "sort floor (ACV arrays)", () => MannWhitneyUTest.Run(controlAcv, variantAcv)),
            ("sort floor (cycle-day arrays)", "", () => SortBoth(controlDays, variantDays)),
            ("log-rank", "sort floor (cycle-day arrays)", () => LogRank.Test(controlDays, controlWon, variantDays, variantWon)),
        };

        foreach (var c in cases) c.Run(); // warm-up: JIT and page-in
        // Round-robin repetitions, so load from other processes on a shared machine hits every case alike.
        var timings = cases.ToDictionary(c => c.Name, _ => new double[repetitions]);
        for (int r = 0; r < repetitions; r++)
        {
            foreach (var c in cases)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                long start = Stopwatch.GetTimestamp();
                c.Run();
                timings[c.Name][r] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }

        var medians = timings.ToDictionary(t => t.Key, t => Median(t.Value));
        Console.WriteLine($"statistics-speed: {perArm:N0} accounts per arm, median of {repetitions} runs, {Environment.ProcessorCount} cores");
        Console.WriteLine($"{"test",-32} {"median ms",10} {"× sort floor",13}");
        foreach (var c in cases)
        {
            string ratio = c.Floor.Length == 0 ? "1.00 (floor)" : $"{medians[c.Name] / medians[c.Floor],6:F2}";
            Console.WriteLine($"{c.Name,-32} {medians[c.Name],10:F1} {ratio,13}");
        }

        return Task.CompletedTask;
    }

    private static double Median(double[] values)
    {
        double[] sorted = (double[])values.Clone();
        Array.Sort(sorted);
        return sorted[sorted.Length / 2];
    }

    private static void SortBoth(double[] control, double[] variant)
    {
        double[] a = (double[])control.Clone(), b = (double[])variant.Clone();
        Array.Sort(a);
        Array.Sort(b);
    }

    private static double[] Acv(Random random, int size, double logMean)
    {
        var values = new double[size];
        for (int i = 0; i < size; i++) values[i] = Math.Round(Math.Exp(logMean + 1.1 * Gaussian(random)));
        return values;
    }

    private static double[] Days(Random random, int size, double meanDays)
    {
        var values = new double[size];
        for (int i = 0; i < size; i++) values[i] = Math.Ceiling(-meanDays * Math.Log(1 - random.NextDouble()));
        return values;
    }

    private static bool[] Won(Random random, int size)
    {
        var won = new bool[size];
        for (int i = 0; i < size; i++) won[i] = random.NextDouble() < 0.65;
        return won;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
