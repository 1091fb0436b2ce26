using IcpExperiments.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace IcpExperiments.Storage.Postgres;

/// <summary>
/// The shared model plus what only PostgreSQL needs: text columns in the "C" collation, so ids sort and compare by
/// code point as they do on SQLite and in .NET's ordinal comparisons (keyset paging, the account-ordered scans), whatever
/// the database's locale (enums stored as names included), and their B-tree indexes compare bytes rather than run locale rules.
/// And no foreign keys from the ingest tables (enrolments, outcomes) to experiments: PostgreSQL checks a foreign key with a
/// trigger per row, a third of a bulk insert's time (ingest-storage benchmark), while every ingest transaction already
/// holds its experiment's row locked and experiments are never deleted.
/// </summary>
internal sealed class PostgresModelCustomizer(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
{
    public const string Collation = "C";

    public override void Customize(ModelBuilder modelBuilder, DbContext context)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        base.Customize(modelBuilder, context);
        foreach (var ingestTable in new[] { typeof(EnrolmentEntity), typeof(OutcomeEntity) })
        {
            var entity = modelBuilder.Model.FindEntityType(ingestTable)!;
            foreach (var foreignKey in entity.GetForeignKeys().ToList()) entity.RemoveForeignKey(foreignKey);
        }

        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                if ((property.GetProviderClrType() ?? property.GetValueConverter()?.ProviderClrType ?? property.ClrType) == typeof(string)) property.SetCollation(Collation);
            }
        }
    }
}
