namespace IcpExperiments.Core.Campaigns;

public enum Channel
{
    Email = 1,
    Ads = 2,
    Outbound = 3,
    Events = 4,
    Content = 5,
    Partner = 6,
    Other = 7,
}
