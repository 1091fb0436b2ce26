using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace IcpExperiments.Storage.Postgres;

/// <summary>
/// The shared model plus what only PostgreSQL needs: text columns in the "C" collation, so ids sort and compare by
/// code point as they do on SQLite and in .NET's ordinal comparisons (keyset paging, the account-ordered scans), whatever
/// the database's locale (enums stored as names included), and their B-tree indexes compare bytes rather than run locale rules.
/// </summary>
internal sealed class PostgresModelCustomizer(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
{
    public const string Collation = "C";

    public override void Customize(ModelBuilder modelBuilder, DbContext context)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        base.Customize(modelBuilder, context);
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                if ((property.GetProviderClrType() ?? property.GetValueConverter()?.ProviderClrType ?? property.ClrType) == typeof(string)) property.SetCollation(Collation);
            }
        }
    }
}
