using IcpExperiments.Core.Accounts;

namespace IcpExperiments.Core.Profiles;

/// <summary>Evaluates a version's criteria and fit tiers against an account.</summary>
public static class AccountScorer
{
    public static AccountScore Score(ProfileContent content, Account account)
    {
        var attributes = account.Attributes;
        var matched = new List<Criterion>();
        var unmatched = new List<Criterion>();
        foreach (var criterion in content.Criteria)
        {
            (CriterionMatcher.Matches(criterion, attributes) ? matched : unmatched).Add(criterion);
        }

        var tier = content.FitTiers
            .OrderBy(t => t.Level)
            .FirstOrDefault(t => t.Criteria.All(c => CriterionMatcher.Matches(c, attributes)));
        return new AccountScore(account.AccountId, matched, unmatched, tier?.Level);
    }
}
