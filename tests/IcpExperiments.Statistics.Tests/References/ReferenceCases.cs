using System.Text.Json;

namespace IcpExperiments.Statistics.Tests.References;

/// <summary>
/// One reference case from a JSON fixture written by a committed script (SciPy/statsmodels/R) beside it.
/// Fixture shape: <c>{ "source": "...", "cases": [ { "name": "...", "inputs": {...}, "expected": {...}, "rtol": 1e-9 } ] }</c>.
/// </summary>
public sealed class ReferenceCase
{
    public required string Name { get; init; }

    public required JsonElement Inputs { get; init; }

    public required JsonElement Expected { get; init; }

    /// <summary>Relative tolerance stated per case by the generating script (1e-9 for closed forms).</summary>
    public double RelativeTolerance { get; init; } = 1e-9;

    public double[] InputArray(string name) => Inputs.GetProperty(name).EnumerateArray().Select(ReadDouble).ToArray();

    public double Input(string name) => ReadDouble(Inputs.GetProperty(name));

    public double ExpectedValue(string name) => ReadDouble(Expected.GetProperty(name));

    public override string ToString() => Name;

    /// <summary>Reads a number, or the strings "inf", "-inf", "nan" that JSON cannot hold.</summary>
    public static double ReadDouble(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.String => element.GetString() switch
        {
            "inf" or "Infinity" => double.PositiveInfinity,
            "-inf" or "-Infinity" => double.NegativeInfinity,
            "nan" or "NaN" => double.NaN,
            var s => throw new FormatException($"Not a number: {s}"),
        },
        JsonValueKind.Null => double.NaN,
        _ => throw new FormatException($"Not a number: {element}"),
    };
}

/// <summary>Loads fixtures copied to the test output folder (References/*.json) as xunit MemberData.</summary>
public static class ReferenceCases
{
    public static IEnumerable<object[]> Load(string fileName)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "References", fileName);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var element in document.RootElement.GetProperty("cases").EnumerateArray())
        {
            yield return
            [
                new ReferenceCase
                {
                    Name = element.GetProperty("name").GetString()!,
                    Inputs = element.GetProperty("inputs").Clone(),
                    Expected = element.GetProperty("expected").Clone(),
                    RelativeTolerance = element.TryGetProperty("rtol", out var rtol) ? rtol.GetDouble() : 1e-9,
                },
            ];
        }
    }
}
