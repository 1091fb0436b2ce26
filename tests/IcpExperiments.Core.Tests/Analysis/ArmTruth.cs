namespace IcpExperiments.Core.Tests.Analysis;

/// <summary>
/// The truth behind one synthetic arm: the share of accounts actually assigned to it, P(won within the window),
/// the mean days to a win, the mean ACV and the share of non-winners that are lost (the rest stay open).
/// </summary>
internal sealed record ArmTruth(
    string Key,
    double Share,
    double ConversionRate,
    double MeanCycleDays = 45,
    double MeanAcv = 20_000,
    double LossShare = 0.4,
    decimal SpendPerAccount = 40m);
