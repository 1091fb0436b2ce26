using IcpExperiments.Storage.Analysis.ReadModel;
using Microsoft.Extensions.Options;

namespace IcpExperiments.Storage.Tests.Analysis;

public sealed class AnalysisReadModelsTests
{
    [Fact]
    public void Resized_OverTheBudget_DropsTheLeastRecentlyUsedFirst()
    {
        // Arrange: 1 MB holds two models of ~0.4 MB, not three.
        var sut = CreateSut(megabytes: 1);
        var first = Loaded(sut, "a", 8_000);
        var second = Loaded(sut, "b", 8_000);
        sut.Get("team", "a");

        // Act
        var third = Loaded(sut, "c", 8_000);

        // Assert: "b" was used least recently; "a" and "c" stay, and the total counts only them.
        Assert.Same(first, sut.Get("team", "a"));
        Assert.Same(third, sut.Get("team", "c"));
        Assert.NotSame(second, sut.Get("team", "b"));
        Assert.Equal(first.CountedBytes + third.CountedBytes, sut.TotalBytes);
        Assert.True(sut.TotalBytes <= 1024 * 1024);
    }

    [Fact]
    public void Resized_OneModelLargerThanTheBudget_IsNotKept()
    {
        // Arrange
        var sut = CreateSut(megabytes: 1);

        // Act
        var huge = Loaded(sut, "huge", 40_000);

        // Assert
        Assert.NotSame(huge, sut.Get("team", "huge"));
        Assert.Equal(0, sut.TotalBytes);
    }

    [Fact]
    public void Enabled_ZeroMegabytes_IsFalse()
    {
        // Arrange / Act
        var sut = CreateSut(megabytes: 0);

        // Assert
        Assert.False(sut.Enabled);
    }

    /// <summary>An entry whose model holds <paramref name="accounts"/> enrolments (about 55 bytes each).</summary>
    private static ReadModelEntry Loaded(AnalysisReadModels sut, string experiment, int accounts)
    {
        var entry = sut.Get("team", experiment);
        var facts = new ExperimentFacts(["control", "variant"]);
        for (int i = 0; i < accounts; i++) Assert.True(facts.AddEnrolment(AccountKey.Of($"acct-{i}"), (sbyte)(i % 2), i, i));
        Assert.True(facts.IndexAccounts());
        entry.Facts = facts;
        sut.Resized(entry);
        return entry;
    }

    private static AnalysisReadModels CreateSut(int megabytes) =>
        new(Options.Create(new AnalysisReadModelOptions { ReadModelMegabytes = megabytes }));
}
