namespace IcpExperiments.Core.Experiments;

/// <summary>How states are named in error messages: the upper-case names clients see in the API (RUNNING, STOPPED).</summary>
internal static class ExperimentStateNames
{
    public static string Display(this ExperimentState state) =>
        Enum.IsDefined(state) ? state.ToString().ToUpperInvariant() : $"undefined state {(int)state}";
}
