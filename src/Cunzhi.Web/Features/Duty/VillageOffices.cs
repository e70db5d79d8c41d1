using Cunzhi.Data;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Duty;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Duty;

/// <summary>A village's office phone; version 0 when none was set yet.</summary>
public sealed record VillageOfficeView(string Village, string? Phone, int Version) : IVersionedView;

/// <summary>Sets the office phone; carries its version (0 when none yet).</summary>
public sealed record SetOfficePhone(string? Phone) : IVersionedCommand
{
    /// <summary>The setting's version as read.</summary>
    public int? Version { get; set; }
}

public sealed class SetOfficePhoneValidator : AbstractValidator<SetOfficePhone>
{
    public SetOfficePhoneValidator() => RuleFor(c => c).Custom((c, ctx) =>
    {
        foreach (var p in VillageOffice.PhoneProblems(c.Phone)) ctx.AddFailure(p.Field ?? "", p.Message);
    });
}

/// <summary>村委会办公电话: the number the public duty board shows, kept by the village or its town.</summary>
public sealed class VillageOffices(AppDbContext db, DutyRosters rosters)
{
    /// <summary>The village's office phone (null when the village is not in scope).</summary>
    public async Task<VillageOfficeView?> GetAsync(string code, CancellationToken ct = default)
    {
        if (await rosters.VillageAsync(code, ct) is null) return null;
        var office = await db.Set<VillageOffice>().AsNoTracking().FirstOrDefaultAsync(o => o.RegionCode == code, ct);
        return new(code, office?.Phone, office?.RowVersion ?? 0);
    }

    /// <summary>Sets the phone (null when the village is not in scope); a stale version is refused (409).</summary>
    public async Task<VillageOfficeView?> SetAsync(string code, SetOfficePhone c, CancellationToken ct = default)
    {
        if (await rosters.VillageAsync(code, ct) is null) return null;
        RuleException.ThrowIfAny(VillageOffice.PhoneProblems(c.Phone));
        var office = await db.Set<VillageOffice>().FirstOrDefaultAsync(o => o.RegionCode == code, ct);
        if (office is null)
        {
            ConcurrencyVersions.ExpectNone(c.Version);
            db.Add(office = new VillageOffice { RegionCode = code, Phone = c.Phone!.Trim() });
        }
        else
        {
            db.ExpectVersion(office, c.Version);
            office.Phone = c.Phone!.Trim();
        }
        await db.SaveCreatedAsync(ct);
        return new(code, office.Phone, office.RowVersion);
    }
}
