using Cunzhi.Domain.Grid;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cunzhi.Data.Configurations;

/// <summary>
/// Names of the unique filtered indexes that keep one current link: one responsible cadre per villager group, one Party
/// member per household, one grid member per grid. A link is current while its ToDate is NULL.
/// </summary>
public static class NetLinkSlots
{
    public const string OneCadrePerGroup = "IX_CadreGroupLinks_OneCurrentPerGroup";
    public const string OneMemberPerHousehold = "IX_MemberHouseholdLinks_OneCurrentPerHousehold";
    public const string OneMemberPerGrid = "IX_GridMembers_OneCurrentPerGrid";
    public const string OneGridPerGroup = "IX_GridGroups_OneGridPerGroup";

    internal const string Current = "\"ToDate\" IS NULL";
}

internal sealed class CadreGroupLinkConfiguration : IEntityTypeConfiguration<CadreGroupLink>
{
    public void Configure(EntityTypeBuilder<CadreGroupLink> b)
    {
        b.Property(l => l.RegionCode).HasMaxLength(15);
        b.Property(l => l.GroupCode).HasMaxLength(15);
        b.HasIndex(l => l.GroupCode, NetLinkSlots.OneCadrePerGroup).IsUnique().HasFilter(NetLinkSlots.Current);
        b.HasIndex(l => new { l.RegionCode, l.GroupCode });
        b.HasIndex(l => l.CadreId);
    }
}

internal sealed class MemberHouseholdLinkConfiguration : IEntityTypeConfiguration<MemberHouseholdLink>
{
    public void Configure(EntityTypeBuilder<MemberHouseholdLink> b)
    {
        b.Property(l => l.RegionCode).HasMaxLength(15);
        b.HasIndex(l => l.HouseholdId, NetLinkSlots.OneMemberPerHousehold).IsUnique().HasFilter(NetLinkSlots.Current);
        b.HasIndex(l => new { l.RegionCode, l.HouseholdId });
        b.HasIndex(l => l.ResidentId);
    }
}

internal sealed class GridMemberConfiguration : IEntityTypeConfiguration<GridMember>
{
    public void Configure(EntityTypeBuilder<GridMember> b)
    {
        b.Property(l => l.RegionCode).HasMaxLength(15);
        b.Property(l => l.GridCode).HasMaxLength(15);
        b.HasIndex(l => l.GridCode, NetLinkSlots.OneMemberPerGrid).IsUnique().HasFilter(NetLinkSlots.Current);
        b.HasIndex(l => new { l.RegionCode, l.GridCode });
    }
}

internal sealed class GridGroupConfiguration : IEntityTypeConfiguration<GridGroup>
{
    public void Configure(EntityTypeBuilder<GridGroup> b)
    {
        b.Property(g => g.RegionCode).HasMaxLength(15);
        b.Property(g => g.GridCode).HasMaxLength(15);
        b.Property(g => g.GroupCode).HasMaxLength(15);
        b.HasIndex(g => g.GroupCode, NetLinkSlots.OneGridPerGroup).IsUnique();
        b.HasIndex(g => new { g.RegionCode, g.GridCode });
    }
}

internal sealed class GridPolicyConfiguration : IEntityTypeConfiguration<GridPolicy>
{
    public void Configure(EntityTypeBuilder<GridPolicy> b)
    {
        b.Property(p => p.RegionCode).HasMaxLength(15);
        b.Property(p => p.UpdatedBy).HasMaxLength(256);
        b.HasIndex(p => p.RegionCode).IsUnique();
    }
}
