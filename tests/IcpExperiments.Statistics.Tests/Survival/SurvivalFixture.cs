using System.Text.Json;
using IcpExperiments.Statistics.Survival;
using IcpExperiments.Statistics.Tests.References;

namespace IcpExperiments.Statistics.Tests.Survival;

/// <summary>Reads one arm of a survival.json case (written by References/generate_reference_b.R).</summary>
internal static class SurvivalFixture
{
    public static SurvivalSample Arm(ReferenceCase testCase, string arm) =>
        SurvivalSample.Create(testCase.InputArray($"{arm}_time"), testCase.InputArray($"{arm}_event").Select(e => e != 0).ToArray());

    public static double[] ExpectedArray(ReferenceCase testCase, string name) =>
        testCase.Expected.GetProperty(name).EnumerateArray().Select(ReferenceCase.ReadDouble).ToArray();

    public static bool HasExpected(ReferenceCase testCase, string name) => testCase.Expected.TryGetProperty(name, out JsonElement _);
}
