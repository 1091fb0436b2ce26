namespace IcpExperiments.Core.Profiles;

public enum CategoricalOperator
{
    /// <summary>The account's value (or any of its values, for lists such as a tech stack) is in the set.</summary>
    In,

    /// <summary>None of the account's values is in the set.</summary>
    NotIn,
}
