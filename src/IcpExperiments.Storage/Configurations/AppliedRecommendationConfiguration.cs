using IcpExperiments.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IcpExperiments.Storage.Configurations;

internal sealed class AppliedRecommendationConfiguration : IEntityTypeConfiguration<AppliedRecommendationEntity>
{
    /// <summary>Longest actor id stored (API key names, user ids).</summary>
    public const int ActorIdLength = 200;

    public void Configure(EntityTypeBuilder<AppliedRecommendationEntity> builder)
    {
        builder.ToTable("applied_recommendations");
        builder.HasKey(a => new { a.TeamId, a.ExperimentId });
        builder.Property(a => a.TeamId).HasMaxLength(ColumnLimits.TeamId);
        builder.Property(a => a.ExperimentId).HasMaxLength(ColumnLimits.ResourceId);
        builder.Property(a => a.ProfileId).HasMaxLength(ColumnLimits.ResourceId);
        builder.Property(a => a.AppliedBy).HasMaxLength(ActorIdLength);

        // A version comes from at most one experiment; reading a version's provenance is an index seek.
        builder.HasIndex(a => new { a.TeamId, a.ProfileId, a.VersionNumber }).IsUnique();
        builder.HasOne<ExperimentEntity>().WithMany().HasForeignKey(a => new { a.TeamId, a.ExperimentId }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ProfileVersionEntity>().WithMany()
            .HasForeignKey(a => new { a.TeamId, a.ProfileId, a.VersionNumber })
            .OnDelete(DeleteBehavior.Restrict);
    }
}
