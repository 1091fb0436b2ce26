using IcpExperiments.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IcpExperiments.Storage.Configurations;

internal sealed class ProfileVersionConfiguration : IEntityTypeConfiguration<ProfileVersionEntity>
{
    public void Configure(EntityTypeBuilder<ProfileVersionEntity> builder)
    {
        builder.ToTable("profile_versions");
        builder.HasKey(v => new { v.TeamId, v.ProfileId, v.Number });
        builder.Property(v => v.TeamId).HasMaxLength(ColumnLimits.TeamId);
        builder.Property(v => v.ProfileId).HasMaxLength(ColumnLimits.ResourceId);
        builder.HasOne<ProfileEntity>().WithMany().HasForeignKey(v => new { v.TeamId, v.ProfileId }).OnDelete(DeleteBehavior.Restrict);
    }
}
