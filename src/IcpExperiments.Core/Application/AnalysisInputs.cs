using System.Globalization;
using System.Text;
using IcpExperiments.Core.Experiments;

namespace IcpExperiments.Core.Application;

/// <summary>
/// Everything besides the request that decides an analysis' result and is cheap to read: the experiment (its etag
/// changes with every design or state edit), the data version (bumped by every enrolment or outcome write) and the
/// campaign spend per arm (campaign edits do not bump the data version, so spend is part of the cache key itself).
/// </summary>
public sealed record AnalysisInputs(Experiment Experiment, long DataVersion, IReadOnlyList<ArmSpend> Spend)
{
    /// <summary>A canonical text of <see cref="Spend"/> (ordered by arm, then currency): equal exactly when the spend is.</summary>
    public string SpendFingerprint
    {
        get
        {
            var text = new StringBuilder();
            foreach (var spend in Spend.OrderBy(s => s.ArmKey, StringComparer.Ordinal).ThenBy(s => s.Spend.CurrencyCode, StringComparer.Ordinal))
                text.Append(CultureInfo.InvariantCulture, $"{spend.ArmKey}:{spend.Spend.CurrencyCode}:{spend.Spend.Amount};");
            return text.ToString();
        }
    }
}
