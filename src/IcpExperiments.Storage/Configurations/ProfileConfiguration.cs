using IcpExperiments.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IcpExperiments.Storage.Configurations;

internal sealed class ProfileConfiguration : IEntityTypeConfiguration<ProfileEntity>
{
    public void Configure(EntityTypeBuilder<ProfileEntity> builder)
    {
        builder.ToTable("profiles");
        builder.HasKey(p => new { p.TeamId, p.Id });
        builder.Property(p => p.TeamId).HasMaxLength(ColumnLimits.TeamId);
        builder.Property(p => p.Id).HasMaxLength(ColumnLimits.ResourceId);
    }
}
