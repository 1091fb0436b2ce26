using IcpExperiments.Core.Experiments;

namespace IcpExperiments.Core.Analysis;

/// <summary>
/// Everything the analysis reads, as of one instant: the design and each arm's columns (control first, then the
/// variants in design order). Built by <see cref="SnapshotBuilder"/> from one ordered scan of the enrolments and
/// outcomes. Currencies are null until some spend or ACV was seen.
/// </summary>
public sealed record ExperimentSnapshot(
    ExperimentDesign Design,
    DateTimeOffset AsOf,
    string? SpendCurrency,
    string? AcvCurrency,
    IReadOnlyList<ArmSnapshot> Arms)
{
    public ArmSnapshot Control => Arms[0];

    public IEnumerable<ArmSnapshot> Variants => Arms.Skip(1);

    public long TotalAccounts
    {
        get
        {
            long total = 0;
            foreach (var arm in Arms) total += arm.Count;
            return total;
        }
    }
}
