using IcpExperiments.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IcpExperiments.Storage.Configurations;

internal sealed class ExperimentConfiguration : IEntityTypeConfiguration<ExperimentEntity>
{
    public void Configure(EntityTypeBuilder<ExperimentEntity> builder)
    {
        builder.ToTable("experiments");
        builder.HasKey(e => new { e.TeamId, e.Id });
        builder.Property(e => e.TeamId).HasMaxLength(ColumnLimits.TeamId);
        builder.Property(e => e.Id).HasMaxLength(ColumnLimits.ResourceId);
        builder.Property(e => e.ProfileId).HasMaxLength(ColumnLimits.ResourceId);
        builder.Property(e => e.PrimaryMetric).HasConversion<string>().HasMaxLength(ColumnLimits.EnumName);
        builder.Property(e => e.AnalysisMode).HasConversion<string>().HasMaxLength(ColumnLimits.EnumName);
        builder.Property(e => e.State).HasConversion<string>().HasMaxLength(ColumnLimits.EnumName);
        builder.Property(e => e.RowVersion).IsConcurrencyToken();

        // Listing is newest first, optionally by state: both orders are served by an index scan.
        builder.HasIndex(e => new { e.TeamId, e.CreatedAt, e.Id });
        builder.HasIndex(e => new { e.TeamId, e.State, e.CreatedAt, e.Id });
        builder.HasOne<ProfileEntity>().WithMany().HasForeignKey(e => new { e.TeamId, e.ProfileId }).OnDelete(DeleteBehavior.Restrict);
    }
}
