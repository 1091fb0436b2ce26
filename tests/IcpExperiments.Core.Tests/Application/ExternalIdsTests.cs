using IcpExperiments.Core.Application;
using IcpExperiments.Core.Campaigns;

namespace IcpExperiments.Core.Tests.Application;

/// <summary>The character rules of client-chosen ids and currency codes, at their boundaries.</summary>
public sealed class ExternalIdsTests
{
    [Theory]
    [InlineData("evt-1", true)]
    [InlineData(" ", true)]                 // space, the first printable character
    [InlineData("~", true)]                 // tilde, the last
    [InlineData("a\u001fb", false)]         // unit separator, just below space
    [InlineData("a\u007fb", false)]         // DEL, just above tilde
    [InlineData("caf\u00e9", false)]        // printable, but not ASCII
    [InlineData("evt\t1", false)]
    public void ValidateEventId_Characters_OnlyPrintableAsciiPasses(string eventId, bool valid)
    {
        // Act
        var violations = ExternalIds.ValidateEventId(eventId, "outcome.event_id").ToList();

        // Assert
        Assert.Equal(valid, violations.Count == 0);
        if (!valid) Assert.Equal("outcome.event_id", Assert.Single(violations).Field);
    }

    [Theory]
    [InlineData("acct-1", true)]
    [InlineData("Société Générale 株式会社", true)]
    [InlineData("acct\u0000", false)]
    [InlineData("acct\u0085", false)]       // a C1 control character
    [InlineData("line\nbreak", false)]
    public void ValidateAccountId_Characters_AnyScriptButNoControlCharacter(string accountId, bool valid)
    {
        // Act
        var violations = ExternalIds.ValidateAccountId(accountId, "outcome.account_id").ToList();

        // Assert
        Assert.Equal(valid, violations.Count == 0);
    }

    [Theory]
    [InlineData("USD", true)]
    [InlineData("AZZ", true)]
    [InlineData("usd", false)]
    [InlineData("US@", false)]              // '@' is just below 'A'
    [InlineData("US[", false)]              // '[' is just above 'Z'
    [InlineData("ÉUR", false)]
    [InlineData("USDX", false)]
    [InlineData(null, false)]
    public void IsCurrencyCode_Shapes_OnlyThreeUpperCaseAsciiLetters(string? code, bool valid) =>
        Assert.Equal(valid, MoneyRules.IsCurrencyCode(code));
}
