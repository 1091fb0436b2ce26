using IcpExperiments.Storage.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IcpExperiments.Storage;

/// <summary>Lets <c>dotnet ef migrations add X --project src/IcpExperiments.Storage --output-dir Migrations/Sqlite</c> build the context without a host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<IcpExperimentsDbContext>
{
    public IcpExperimentsDbContext CreateDbContext(string[] args)
    {
        var options = new StorageOptions { DatabasePath = Path.Combine(Path.GetTempPath(), "icp-experiments-design.db") };
        using var provider = new SqliteStorageProvider(options);
        var builder = new DbContextOptionsBuilder<IcpExperimentsDbContext>();
        provider.Configure(builder);
        return new IcpExperimentsDbContext(builder.Options);
    }
}
