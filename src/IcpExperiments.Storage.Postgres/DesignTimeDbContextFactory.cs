using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IcpExperiments.Storage.Postgres;

/// <summary>
/// Lets <c>dotnet ef migrations add X --project src/IcpExperiments.Storage.Postgres --output-dir Migrations</c> build the
/// context without a host. Adding a migration needs no server; the connection string is only a placeholder.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<IcpExperimentsDbContext>
{
    public IcpExperimentsDbContext CreateDbContext(string[] args)
    {
        var options = new StorageOptions { Provider = StorageOptions.PostgresProvider, ConnectionString = "Host=127.0.0.1;Database=icp_experiments_design" };
        using var provider = new PostgresStorageProvider(options);
        var builder = new DbContextOptionsBuilder<IcpExperimentsDbContext>();
        provider.Configure(builder);
        return new IcpExperimentsDbContext(builder.Options);
    }
}
