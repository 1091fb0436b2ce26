using IcpExperiments.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IcpExperiments.Storage.Configurations;

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<EnrolmentEntity>
{
    public void Configure(EntityTypeBuilder<EnrolmentEntity> builder)
    {
        builder.ToTable("enrolments");

        // The key is the contamination rule: one enrolment (hence one arm) per account and experiment.
        builder.HasKey(e => new { e.TeamId, e.ExperimentId, e.AccountId });
        builder.HasIndex(e => new { e.TeamId, e.ExperimentId, e.EventId }).IsUnique();
        builder.Property(e => e.TeamId).HasMaxLength(ColumnLimits.TeamId);
        builder.Property(e => e.ExperimentId).HasMaxLength(ColumnLimits.ResourceId);
        builder.Property(e => e.AccountId).HasMaxLength(ColumnLimits.ExternalId);
        builder.Property(e => e.EventId).HasMaxLength(ColumnLimits.ExternalId);
        builder.Property(e => e.ArmKey).HasMaxLength(ColumnLimits.ResourceId);
        builder.Property(e => e.CampaignId).HasMaxLength(ColumnLimits.ResourceId);
        builder.Property(e => e.Fingerprint).HasMaxLength(ColumnLimits.Fingerprint);
        builder.HasOne<ExperimentEntity>().WithMany().HasForeignKey(e => new { e.TeamId, e.ExperimentId }).OnDelete(DeleteBehavior.Restrict);
    }
}
