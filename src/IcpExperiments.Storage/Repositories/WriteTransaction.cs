namespace IcpExperiments.Storage.Repositories;

/// <summary>Runs a unit of work as this process's only writer, inside one transaction, leaving no tracked entities behind.</summary>
internal static class WriteTransaction
{
    public static async Task<T> RunAsync<T>(IcpExperimentsDbContext db, IStorageProvider provider, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        using var writer = await provider.EnterWriteAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await work();
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
