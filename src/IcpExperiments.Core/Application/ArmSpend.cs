using IcpExperiments.Core.Campaigns;

namespace IcpExperiments.Core.Application;

/// <summary>The summed campaign spend of one arm in one currency.</summary>
public sealed record ArmSpend(string ArmKey, Money Spend);
