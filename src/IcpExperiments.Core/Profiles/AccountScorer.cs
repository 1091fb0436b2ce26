using IcpExperiments.Core.Accounts;

namespace IcpExperiments.Core.Profiles;

/// <summary>Evaluates a version's criteria and fit tiers against an account.</summary>
public static class AccountScorer
{
    public static AccountScore Score(ProfileContent content, Account account) => throw new NotImplementedException("core helper implements this");
}
