using IcpExperiments.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IcpExperiments.Storage.Configurations;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<CampaignEntity>
{
    public void Configure(EntityTypeBuilder<CampaignEntity> builder)
    {
        builder.ToTable("campaigns");
        builder.HasKey(c => new { c.TeamId, c.ExperimentId, c.Id });
        builder.Property(c => c.TeamId).HasMaxLength(ColumnLimits.TeamId);
        builder.Property(c => c.ExperimentId).HasMaxLength(ColumnLimits.ResourceId);
        builder.Property(c => c.Id).HasMaxLength(ColumnLimits.ResourceId);
        builder.Property(c => c.ArmKey).HasMaxLength(ColumnLimits.ResourceId);
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(ColumnLimits.EnumName);
        builder.Property(c => c.SpendCurrency).HasMaxLength(3);
        builder.Property(c => c.RowVersion).IsConcurrencyToken();
        builder.HasOne<ExperimentEntity>().WithMany().HasForeignKey(c => new { c.TeamId, c.ExperimentId }).OnDelete(DeleteBehavior.Restrict);
    }
}
