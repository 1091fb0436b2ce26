using IcpExperiments.Core.Analysis;
using IcpExperiments.Core.Errors;

namespace IcpExperiments.Storage.Analysis.ReadModel;

/// <summary>
/// Turns <see cref="ExperimentFacts"/> into a snapshot as of one instant with the scan's rules: accounts enrolled after
/// as-of do not count; each counted account brings its folded outcome, which is what the scan folds when as-of is at or
/// after <see cref="ExperimentFacts.LatestOccurredAt"/> (for an earlier as-of, <see cref="CanFill"/> is false).
/// </summary>
internal static class FactsSnapshot
{
    public static bool CanFill(ExperimentFacts facts, long asOfTicks) => asOfTicks >= facts.LatestOccurredAt;

    public static void Fill(ExperimentFacts facts, long asOfTicks, SnapshotBuilder builder)
    {
        if (!CanFill(facts, asOfTicks)) throw new InvalidOperationException("The folds are not exact before the latest event folded.");
        var enrolledAt = facts.EnrolledAt.Items;
        var arms = facts.Arms.Items;
        ReserveArms(enrolledAt, arms, asOfTicks, builder);
        for (int slot = 0; slot < enrolledAt.Length; slot++)
        {
            long enrolled = enrolledAt[slot];
            if (enrolled > asOfTicks) continue;
            if (arms[slot] < 0) throw new ValidationFailedException("arm_key", "An enrolment's arm is not an arm of this experiment.");
            var outcomes = facts.Outcomes(slot);
            builder.AddAccount(arms[slot], outcomes.ToObservation(new DateTimeOffset(enrolled, TimeSpan.Zero)), outcomes.AcvCurrency);
        }
    }

    /// <summary>Sizes each arm's columns exactly, so the builder neither regrows nor copies them.</summary>
    private static void ReserveArms(ReadOnlySpan<long> enrolledAt, ReadOnlySpan<sbyte> arms, long asOfTicks, SnapshotBuilder builder)
    {
        Span<int> counts = stackalloc int[sbyte.MaxValue + 1];
        counts.Clear();
        for (int slot = 0; slot < enrolledAt.Length; slot++)
        {
            if (enrolledAt[slot] <= asOfTicks && arms[slot] >= 0) counts[arms[slot]]++;
        }

        for (int arm = 0; arm < counts.Length; arm++)
        {
            if (counts[arm] > 0) builder.EnsureCapacity(arm, counts[arm]);
        }
    }
}
