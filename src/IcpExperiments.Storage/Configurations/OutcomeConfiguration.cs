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

        // No foreign key to enrolments and no per-account index: the ingest planner checks enrolment inside the same
        // serialized write transaction, enrolments are never deleted, and analysis joins through the enrolments' key.
        // The key check and the extra index cost about a third of the insert time of the hot path (ingest-storage benchmark).
        builder.HasOne<ExperimentEntity>().WithMany().HasForeignKey(o => new { o.TeamId, o.ExperimentId }).OnDelete(DeleteBehavior.Restrict);
    }
}
