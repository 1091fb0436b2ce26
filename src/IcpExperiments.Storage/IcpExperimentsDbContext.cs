using System.Text;
using IcpExperiments.Storage.Conversions;
using IcpExperiments.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace IcpExperiments.Storage;

/// <summary>
/// The one DbContext of both providers. Tables and columns are lower_snake; every table starts its key with
/// <c>team_id</c>. Instants are stored as UTC ticks on both providers: SQLite cannot order its text timestamps, and
/// PostgreSQL's timestamptz keeps only microseconds, so ticks keep every instant exact (100 ns, as the domain has it)
/// and let the raw-SQL scans and ingest statements be the same on both engines.
/// </summary>
public sealed class IcpExperimentsDbContext(DbContextOptions<IcpExperimentsDbContext> options) : DbContext(options)
{
    internal DbSet<ProfileEntity> Profiles => Set<ProfileEntity>();

    internal DbSet<ProfileVersionEntity> ProfileVersions => Set<ProfileVersionEntity>();

    internal DbSet<ExperimentEntity> Experiments => Set<ExperimentEntity>();

    internal DbSet<CampaignEntity> Campaigns => Set<CampaignEntity>();

    internal DbSet<EnrolmentEntity> Enrolments => Set<EnrolmentEntity>();

    internal DbSet<OutcomeEntity> Outcomes => Set<OutcomeEntity>();

    internal DbSet<AppliedRecommendationEntity> AppliedRecommendations => Set<AppliedRecommendationEntity>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IcpExperimentsDbContext).Assembly);
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(ToSnakeCase(property.Name));
            }
        }
    }

    internal static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (int i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i])) builder.Append('_');
            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
