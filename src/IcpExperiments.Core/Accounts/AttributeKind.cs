namespace IcpExperiments.Core.Accounts;

/// <summary>The type of a well-known account attribute, which decides the criteria that can address it.</summary>
public enum AttributeKind
{
    /// <summary>One text value (industry, region, funding stage): categorical criteria.</summary>
    Text,

    /// <summary>Several text values (tech stack): categorical criteria, IN = any overlap, NOT IN = no overlap.</summary>
    TextList,

    /// <summary>A number (employee count, annual revenue): range criteria.</summary>
    Number,
}
