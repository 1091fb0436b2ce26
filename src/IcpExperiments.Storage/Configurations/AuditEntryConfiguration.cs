using IcpExperiments.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IcpExperiments.Storage.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntryEntity>
{
    public void Configure(EntityTypeBuilder<AuditEntryEntity> builder)
    {
        builder.ToTable("audit_entries");

        // An append-only log read newest first: the growing id is the order, and (team, id) serves one team's view.
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedOnAdd();
        builder.HasIndex(a => new { a.TeamId, a.Id });
        builder.HasIndex(a => a.OccurredAt);
        builder.Property(a => a.TeamId).HasMaxLength(ColumnLimits.TeamId);
        builder.Property(a => a.ActorId).HasMaxLength(ColumnLimits.ResourceId);
        builder.Property(a => a.StatusCode).HasMaxLength(ColumnLimits.EnumName);
    }
}
