using Cunzhi.Data.Auditing;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cunzhi.Data.Configurations;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> b)
    {
        b.HasKey(r => r.Code);
        b.Property(r => r.Code).HasMaxLength(15);
        b.Property(r => r.Name).HasMaxLength(60);
        b.Property(r => r.ParentCode).HasMaxLength(15);
        b.HasIndex(r => r.ParentCode);
        b.HasIndex(r => r.Name);
    }
}

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> b)
    {
        b.Property(h => h.RegionCode).HasMaxLength(15);
        b.Property(h => h.GroupCode).HasMaxLength(15);
        b.Property(h => h.GridCode).HasMaxLength(15);
        b.Property(h => h.Number).HasMaxLength(20);
        b.Property(h => h.HeadName).HasMaxLength(30);
        b.Property(h => h.Address).HasMaxLength(100);
        b.HasIndex(h => new { h.RegionCode, h.Number }).IsUnique();
        b.HasMany(h => h.Residents).WithOne().HasForeignKey(r => r.HouseholdId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ResidentConfiguration : IEntityTypeConfiguration<Resident>
{
    public void Configure(EntityTypeBuilder<Resident> b)
    {
        b.Property(r => r.RegionCode).HasMaxLength(15);
        b.Property(r => r.Name).HasMaxLength(30);
        b.Property(r => r.Relation).HasMaxLength(10);
        b.HasIndex(r => r.RegionCode);
    }
}

internal sealed class CadreConfiguration : IEntityTypeConfiguration<Cadre>
{
    public void Configure(EntityTypeBuilder<Cadre> b)
    {
        b.Property(c => c.RegionCode).HasMaxLength(15);
        b.Property(c => c.Name).HasMaxLength(30);
        b.Property(c => c.EducationCode).HasMaxLength(20);
        b.Property(c => c.PostCode).HasMaxLength(30);
        b.Property(c => c.AssignedFrom).HasMaxLength(100);
        b.Property(c => c.DepartureReason).HasMaxLength(200);
        b.Property(c => c.NationalIdCipher).HasMaxLength(120);
        b.Property(c => c.NationalIdHash).HasMaxLength(64);
        b.Property(c => c.NationalIdMasked).HasMaxLength(18);
        b.Property(c => c.PhoneCipher).HasMaxLength(100);
        b.Property(c => c.PhoneMasked).HasMaxLength(11);
        b.Property(c => c.BankName).HasMaxLength(50);
        b.Property(c => c.BankAccountCipher).HasMaxLength(120);
        b.Property(c => c.BankAccountMasked).HasMaxLength(19);
        // The list's scope range and its order (region, status, post, id): a page of 20 is read in index order, no sort.
        b.HasIndex(c => new { c.RegionCode, c.Status, c.PostCode, c.Id });
        b.HasIndex(c => c.NationalIdHash).IsUnique();
        b.HasIndex(c => c.Name);
        b.HasMany(c => c.Posts).WithOne().HasForeignKey(p => p.CadreId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CadrePostConfiguration : IEntityTypeConfiguration<CadrePost>
{
    public void Configure(EntityTypeBuilder<CadrePost> b)
    {
        b.Property(p => p.RegionCode).HasMaxLength(15);
        b.Property(p => p.PostCode).HasMaxLength(30);
        b.HasIndex(p => new { p.CadreId, p.StartDate });
        // One Party secretary and one committee director in office per village (动态补缺): 一肩挑 (secretary-director)
        // holds both posts, so it takes both slots. The database refuses a second holder even when two appointments
        // race past the handlers' vacancy check (they answer 409). Double-quoted names work on SQLite and PostgreSQL.
        b.HasIndex(p => p.RegionCode, CadrePostSlots.SecretaryIndex).IsUnique()
            .HasFilter(CadrePostSlots.Filter(Domain.Reserves.VillageVacancies.SecretaryPost, Domain.Reserves.VillageVacancies.SecretaryDirectorPost));
        b.HasIndex(p => p.RegionCode, CadrePostSlots.DirectorIndex).IsUnique()
            .HasFilter(CadrePostSlots.Filter(Domain.Reserves.VillageVacancies.DirectorPost, Domain.Reserves.VillageVacancies.SecretaryDirectorPost));
    }
}

/// <summary>Names of the unique indexes that keep one secretary and one director in office per village.</summary>
public static class CadrePostSlots
{
    public const string SecretaryIndex = "IX_CadrePosts_OneSecretaryPerVillage";
    public const string DirectorIndex = "IX_CadrePosts_OneDirectorPerVillage";

    internal static string Filter(params string[] posts) =>
        $"\"EndDate\" IS NULL AND \"PostCode\" IN ({string.Join(", ", posts.Select(p => $"'{p}'"))})";
}

internal sealed class ReferenceItemConfiguration : IEntityTypeConfiguration<ReferenceItem>
{
    public void Configure(EntityTypeBuilder<ReferenceItem> b)
    {
        b.HasKey(r => new { r.Kind, r.Code });
        b.Property(r => r.Kind).HasMaxLength(30);
        b.Property(r => r.Code).HasMaxLength(30);
        b.Property(r => r.Name).HasMaxLength(60);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasIndex(a => a.Sequence).IsUnique();
        b.HasIndex(a => new { a.RegionCode, a.Sequence });
        b.HasIndex(a => a.AtUtc);
        b.HasIndex(a => a.UserName);
        b.HasIndex(a => a.Entity);
        b.Property(a => a.UserId).HasMaxLength(64);
        b.Property(a => a.UserName).HasMaxLength(256);
        b.Property(a => a.RegionCode).HasMaxLength(15);
        b.Property(a => a.Action).HasMaxLength(30);
        b.Property(a => a.Entity).HasMaxLength(100);
        b.Property(a => a.EntityKey).HasMaxLength(200);
        b.Property(a => a.PreviousHash).HasMaxLength(64);
        b.Property(a => a.Hash).HasMaxLength(64);
    }
}

internal sealed class AuditHeadConfiguration : IEntityTypeConfiguration<AuditHead>
{
    public void Configure(EntityTypeBuilder<AuditHead> b)
    {
        b.Property(h => h.Id).ValueGeneratedNever();
        b.Property(h => h.Hash).HasMaxLength(64);
        b.HasData(new AuditHead { Id = AuditHead.SingletonId, Sequence = 0, Hash = "" });
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(60);
        b.Property(u => u.RegionCode).HasMaxLength(15);
        b.HasIndex(u => u.RegionCode);
    }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<Cunzhi.Data.Jobs.JobLease>
{
    public void Configure(EntityTypeBuilder<Cunzhi.Data.Jobs.JobLease> b)
    {
        b.ToTable("JobLeases");
        b.HasKey(l => l.Name);
        b.Property(l => l.Name).HasMaxLength(64);
        b.Property(l => l.Holder).HasMaxLength(200);
    }
}

internal sealed class CacheGenerationConfiguration : IEntityTypeConfiguration<Cunzhi.Data.Jobs.CacheGeneration>
{
    public void Configure(EntityTypeBuilder<Cunzhi.Data.Jobs.CacheGeneration> b)
    {
        b.ToTable("CacheGenerations");
        b.HasKey(g => g.CountyCode);
        b.Property(g => g.CountyCode).HasMaxLength(15);
        // The nodes' poll: rows numbered above the last seen.
        b.HasIndex(g => g.Generation);
    }
}
