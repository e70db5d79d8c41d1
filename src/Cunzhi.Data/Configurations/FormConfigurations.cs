using Cunzhi.Domain.Forms;
using Cunzhi.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cunzhi.Data.Configurations;

internal sealed class FormTemplateConfiguration : IEntityTypeConfiguration<FormTemplate>
{
    public void Configure(EntityTypeBuilder<FormTemplate> b)
    {
        b.Property(f => f.RegionCode).HasMaxLength(15);
        b.Property(f => f.OwnerUserId).HasMaxLength(64);
        b.Property(f => f.DepartmentName).HasMaxLength(60);
        b.Property(f => f.Title).HasMaxLength(FormTemplate.TitleMaxLength);
        b.Property(f => f.Description).HasMaxLength(1000);
        b.HasIndex(f => new { f.RegionCode, f.Status });
        b.HasIndex(f => f.OwnerUserId);
        b.HasIndex(f => f.TaskRequestId).IsUnique();
        b.HasOne<TaskRequest>().WithMany().HasForeignKey(f => f.TaskRequestId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(f => f.Fields).WithOne().HasForeignKey(x => x.FormTemplateId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(f => f.Ordered);
    }
}

internal sealed class FormFieldConfiguration : IEntityTypeConfiguration<FormField>
{
    public void Configure(EntityTypeBuilder<FormField> b)
    {
        b.Property(f => f.RegionCode).HasMaxLength(15);
        b.Property(f => f.Label).HasMaxLength(FormField.LabelMaxLength);
        b.Property(f => f.Unit).HasMaxLength(10);
        b.Property(f => f.Help).HasMaxLength(200);
        b.Property(f => f.Binding).HasMaxLength(40);
        b.HasIndex(f => new { f.FormTemplateId, f.SortOrder });
        b.HasIndex(f => f.RegionCode);
        b.Ignore(f => f.IsBound);
        b.Ignore(f => f.Header);
    }
}

internal sealed class FormSubmissionConfiguration : IEntityTypeConfiguration<FormSubmission>
{
    public void Configure(EntityTypeBuilder<FormSubmission> b)
    {
        b.Property(s => s.RegionCode).HasMaxLength(15);
        b.Property(s => s.UpdatedBy).HasMaxLength(256);
        b.HasIndex(s => s.VillageTaskId).IsUnique();
        b.HasIndex(s => new { s.FormTemplateId, s.RegionCode }).IsUnique();
        b.HasIndex(s => new { s.RegionCode, s.SubmittedAtUtc });
        b.HasOne<FormTemplate>().WithMany().HasForeignKey(s => s.FormTemplateId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<VillageTask>().WithMany().HasForeignKey(s => s.VillageTaskId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.Values).WithOne().HasForeignKey(v => v.SubmissionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FormValueConfiguration : IEntityTypeConfiguration<FormValue>
{
    public void Configure(EntityTypeBuilder<FormValue> b)
    {
        b.Property(v => v.RegionCode).HasMaxLength(15);
        b.Property(v => v.Value).HasMaxLength(FormEntry.TextMaxLength);
        b.Property(v => v.Source).HasMaxLength(40);
        b.HasIndex(v => new { v.SubmissionId, v.FieldId }).IsUnique();
        b.HasIndex(v => v.RegionCode);
        b.HasOne<FormField>().WithMany().HasForeignKey(v => v.FieldId).OnDelete(DeleteBehavior.Restrict);
    }
}
