using IcpExperiments.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IcpExperiments.Storage.Configurations;

internal sealed class OutcomeConfiguration : IEntityTypeConfiguration<OutcomeEntity>
{
    public void Configure(EntityTypeBuilder<OutcomeEntity> builder)
    {
        builder.ToTable("outcomes");

        // The key is the idempotency rule: an event id is stored once per experiment.
        builder.HasKey(o => new { o.TeamId, o.ExperimentId, o.EventId });
        builder.Property(o => o.TeamId).HasMaxLength(ColumnLimits.TeamId);
        builder.Property(o => o.ExperimentId).HasMaxLength(ColumnLimits.ResourceId);
        builder.Property(o => o.EventId).HasMaxLength(ColumnLimits.ExternalId);
        builder.Property(o => o.AccountId).HasMaxLength(ColumnLimits.ExternalId);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(ColumnLimits.EnumName);
        builder.Property(o => o.AcvCurrency).HasMaxLength(3);
        builder.Property(o => o.Fingerprint).HasMaxLength(ColumnLimits.Fingerprint);

        // Every outcome belongs to an enrolled account; the foreign key's index also serves per-account reads.
        builder.HasIndex(o => new { o.TeamId, o.ExperimentId, o.AccountId });
        builder.HasOne<EnrolmentEntity>().WithMany().HasForeignKey(o => new { o.TeamId, o.ExperimentId, o.AccountId }).OnDelete(DeleteBehavior.Restrict);
    }
}
