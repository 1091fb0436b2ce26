namespace IcpExperiments.Benchmarks;

/// <summary>One benchmark: prints its figures (as ratios against a baseline measured in the same run).</summary>
public interface IBenchmark
{
    /// <summary>Name used on the command line, lower-kebab-case (e.g. <c>ingest</c>).</summary>
    string Name { get; }

    /// <summary>What it measures and against which baseline, one line.</summary>
    string Description { get; }

    Task RunAsync(string[] args);
}
