using Cunzhi.Domain.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cunzhi.Data.Configurations;

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> b)
    {
        b.ToTable("Complaints");
        b.Property(c => c.RegionCode).HasMaxLength(15);
        b.Property(c => c.Subject).HasMaxLength(Complaint.MaxText);
        // Encrypted personal data and the receipt's keyed hash: secrets by name (…Cipher, …Hash), so the audit log only says they were set.
        b.Property(c => c.ReporterNameCipher).HasMaxLength(512);
        b.Property(c => c.ReporterPhoneCipher).HasMaxLength(512);
        b.Property(c => c.ReporterNameMasked).HasMaxLength(Complaint.MaxName);
        b.Property(c => c.ReporterPhoneMasked).HasMaxLength(20);
        b.Property(c => c.ReceiptHash).HasMaxLength(64);
        b.HasIndex(c => c.ReceiptHash).IsUnique();
        b.Property(c => c.RefusalReason).HasMaxLength(Complaint.MaxNote);
        b.Property(c => c.Findings).HasMaxLength(Complaint.MaxNote);
        b.HasOne<Domain.Cadres.Cadre>().WithMany().HasForeignKey(c => c.CadreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.ConductRecord).WithMany().HasForeignKey(c => c.ConductRecordId).OnDelete(DeleteBehavior.Restrict);
        // Linked both ways with the matter raised from it: the complaint's MatterId is the foreign key, the matter's ComplaintId
        // a plain column written in the same save (two foreign keys would make a cycle).
        b.HasOne(c => c.Matter).WithMany().HasForeignKey(c => c.MatterId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.ConductRecordId).IsUnique();
        b.HasIndex(c => c.MatterId).IsUnique();
        // The desk's list: a region's complaints by state, oldest first.
        b.HasIndex(c => new { c.RegionCode, c.State, c.FiledOn });
        b.Ignore(c => c.Open);
        b.Ignore(c => c.Verified);
        b.Ignore(c => c.CadreToRecord);
    }
}

internal sealed class ComplaintEntryConfiguration : IEntityTypeConfiguration<ComplaintEntry>
{
    public void Configure(EntityTypeBuilder<ComplaintEntry> b)
    {
        b.ToTable("ComplaintEntries");
        b.Property(e => e.RegionCode).HasMaxLength(15);
        b.Property(e => e.Text).HasMaxLength(Complaint.MaxNote);
        b.Property(e => e.Actor).HasMaxLength(256);
        b.HasOne(e => e.Complaint).WithMany().HasForeignKey(e => e.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.ComplaintId, e.Id });
    }
}
