using IcpExperiments.Storage.Analysis.ReadModel;

namespace IcpExperiments.Storage.Tests.Analysis;

public sealed class AccountSlotsTests
{
    [Fact]
    public void Find_AfterAFirstLoadAndEnoughAdditionsToMerge_FindsEverySlotAndNothingElse()
    {
        // Arrange
        var sut = new AccountSlots();
        var first = Enumerable.Range(0, 20_000).Select(i => AccountKey.Of($"acct-{i}")).ToArray();
        Assert.True(sut.TryIndex(first));

        // Act: 6,000 more accounts, one by one (past the merge threshold).
        for (int i = 20_000; i < 26_000; i++) Assert.True(sut.TryAdd(AccountKey.Of($"acct-{i}"), i));

        // Assert
        for (int i = 0; i < 26_000; i++) Assert.Equal(i, sut.Find(AccountKey.Of($"acct-{i}")));
        Assert.Equal(-1, sut.Find(AccountKey.Of("acct-26000")));
    }

    [Fact]
    public void TryAdd_KeyAlreadyIndexed_IsRefused()
    {
        // Arrange
        var sut = new AccountSlots();
        Assert.True(sut.TryIndex([AccountKey.Of("a"), AccountKey.Of("b")]));

        // Act / Assert
        Assert.False(sut.TryAdd(AccountKey.Of("b"), 2));
        Assert.True(sut.TryAdd(AccountKey.Of("c"), 2));
        Assert.False(sut.TryAdd(AccountKey.Of("c"), 3));
    }

    [Fact]
    public void TryIndex_TwoAccountsWithOneKey_IsRefused()
    {
        // Arrange
        var sut = new AccountSlots();

        // Act / Assert
        Assert.False(sut.TryIndex([1L, 2L, 1L]));
    }
}
