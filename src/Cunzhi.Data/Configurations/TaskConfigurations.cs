using Cunzhi.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cunzhi.Data.Configurations;

internal sealed class ResponsibilityListConfiguration : IEntityTypeConfiguration<ResponsibilityList>
{
    public void Configure(EntityTypeBuilder<ResponsibilityList> b)
    {
        b.Property(l => l.RegionCode).HasMaxLength(15);
        b.Property(l => l.Title).HasMaxLength(100);
        b.Property(l => l.PublishedBy).HasMaxLength(256);
        b.HasIndex(l => new { l.RegionCode, l.Version }).IsUnique();
        b.HasMany(l => l.Items).WithOne().HasForeignKey(i => i.ListId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ResponsibilityItemConfiguration : IEntityTypeConfiguration<ResponsibilityItem>
{
    public void Configure(EntityTypeBuilder<ResponsibilityItem> b)
    {
        b.Property(i => i.RegionCode).HasMaxLength(15);
        b.Property(i => i.Code).HasMaxLength(20);
        b.Property(i => i.Title).HasMaxLength(200);
        b.Property(i => i.Area).HasMaxLength(30);
        b.Property(i => i.Department).HasMaxLength(60);
        b.Property(i => i.Keywords).HasMaxLength(200);
        b.Property(i => i.Synonyms).HasMaxLength(300);
        b.Property(i => i.Note).HasMaxLength(500);
        b.HasIndex(i => new { i.ListId, i.Code }).IsUnique();
        b.HasIndex(i => i.RegionCode);
    }
}

internal sealed class TaskRequestConfiguration : IEntityTypeConfiguration<TaskRequest>
{
    public void Configure(EntityTypeBuilder<TaskRequest> b)
    {
        b.Property(r => r.RegionCode).HasMaxLength(15);
        b.Property(r => r.RequestedByUserId).HasMaxLength(64);
        b.Property(r => r.RequestedBy).HasMaxLength(256);
        b.Property(r => r.DepartmentName).HasMaxLength(60);
        b.Property(r => r.Title).HasMaxLength(100);
        b.Property(r => r.Requirement).HasMaxLength(2000);
        b.Property(r => r.EvidenceJustification).HasMaxLength(500);
        b.Property(r => r.ClaimedItemCode).HasMaxLength(20);
        b.Property(r => r.MatchedItemCode).HasMaxLength(20);
        b.Property(r => r.MatchedItemTitle).HasMaxLength(200);
        b.Property(r => r.DecisionReason).HasMaxLength(500);
        b.Property(r => r.DecidedBy).HasMaxLength(256);
        b.HasIndex(r => new { r.RegionCode, r.Status });
        b.HasIndex(r => r.RequestedByUserId);
        b.HasMany(r => r.VillageTasks).WithOne().HasForeignKey(t => t.TaskRequestId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VillageTaskConfiguration : IEntityTypeConfiguration<VillageTask>
{
    public void Configure(EntityTypeBuilder<VillageTask> b)
    {
        b.Property(t => t.RegionCode).HasMaxLength(15);
        b.Property(t => t.Title).HasMaxLength(100);
        b.Property(t => t.Requirement).HasMaxLength(2000);
        b.Property(t => t.DepartmentName).HasMaxLength(60);
        b.Property(t => t.EvidenceJustification).HasMaxLength(500);
        b.Property(t => t.ItemCode).HasMaxLength(20);
        b.Property(t => t.ItemTitle).HasMaxLength(200);
        b.HasIndex(t => new { t.RegionCode, t.DueDate });
        b.HasIndex(t => new { t.TaskRequestId, t.RegionCode }).IsUnique();
    }
}
