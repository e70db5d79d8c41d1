using Cunzhi.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cunzhi.Data.Configurations;

internal sealed class WeeklyReportConfiguration : IEntityTypeConfiguration<WeeklyReport>
{
    public void Configure(EntityTypeBuilder<WeeklyReport> b)
    {
        b.Property(r => r.RegionCode).HasMaxLength(15);
        b.Property(r => r.Note).HasMaxLength(WeeklyReport.NoteMaxLength);
        b.Property(r => r.ReportedBy).HasMaxLength(256);
        b.HasIndex(r => new { r.VillageTaskId, r.WeekStart }).IsUnique();
        b.HasIndex(r => new { r.RegionCode, r.WeekStart });
        b.HasOne<VillageTask>().WithMany().HasForeignKey(r => r.VillageTaskId).OnDelete(DeleteBehavior.Restrict);
    }
}
