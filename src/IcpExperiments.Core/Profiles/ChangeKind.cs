namespace IcpExperiments.Core.Profiles;

public enum ChangeKind
{
    Added,
    Removed,
    Changed,
}
