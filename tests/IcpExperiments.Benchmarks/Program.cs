// Benchmarks print figures; they are not pass/fail and are not part of `dotnet test`.
// Usage: dotnet run -c Release --project tests/IcpExperiments.Benchmarks -- <name> [options]
using System.Reflection;
using IcpExperiments.Benchmarks;

var benchmarks = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .ToDictionary(b => b.Name, StringComparer.OrdinalIgnoreCase);

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var benchmark))
{
    Console.WriteLine("Usage: dotnet run -c Release --project tests/IcpExperiments.Benchmarks -- <benchmark> [options]");
    foreach (var b in benchmarks.Values.OrderBy(b => b.Name)) Console.WriteLine($"  {b.Name,-20} {b.Description}");
    return args.Length == 0 ? 0 : 2;
}

await benchmark.RunAsync(args[1..]);
return 0;
