using IcpExperiments.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IcpExperiments.Storage.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKeyEntity>
{
    public void Configure(EntityTypeBuilder<ApiKeyEntity> builder)
    {
        builder.ToTable("api_keys");

        // Unlike the team-owned resources, a key is found before its team is known (from the credential alone), so
        // its id is unique server-wide and the hash of its secret is the lookup index.
        builder.HasKey(k => k.Id);
        builder.HasIndex(k => k.SecretHash).IsUnique();
        builder.HasIndex(k => new { k.TeamId, k.Id });
        builder.Property(k => k.Id).HasMaxLength(ColumnLimits.ResourceId);
        builder.Property(k => k.TeamId).HasMaxLength(ColumnLimits.TeamId);
        builder.Property(k => k.Roles).HasMaxLength(ColumnLimits.Fingerprint);
        builder.Property(k => k.CreatedBy).HasMaxLength(ColumnLimits.ResourceId);
    }
}
