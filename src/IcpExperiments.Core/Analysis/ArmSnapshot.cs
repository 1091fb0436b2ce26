namespace IcpExperiments.Core.Analysis;

/// <summary>
/// One arm's accounts as parallel columns (struct of arrays, one entry per counted account) after
/// <see cref="ObservationRules"/>: status, days on the time-to-win clock (event or censoring time), ACV of a win
/// (NaN otherwise) and the pre-period covariate (NaN when absent). <see cref="Spend"/> is the arm's campaign spend in
/// the snapshot's spend currency. Arrays are owned by the snapshot: read them, never write.
/// </summary>
public sealed record ArmSnapshot(
    string Key,
    double PlannedAllocation,
    decimal Spend,
    DateTimeOffset[] EnrolledAt,
    AccountStatus[] Status,
    double[] Days,
    double[] Acv,
    double[] Covariate)
{
    public int Count => Status.Length;
}
