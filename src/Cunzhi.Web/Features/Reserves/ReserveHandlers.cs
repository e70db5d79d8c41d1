using Cunzhi.Data;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.People;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Reserves;
using Cunzhi.Domain.Identity;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Reserves;

/// <summary>
/// The reserve pool (后备干部库) and backfill (动态补缺), used by the pages and the API. Region scope is
/// the data context's: a record outside the account's region is simply not found.
/// </summary>
public sealed class ReserveHandlers(AppDbContext db, PersonalDataProtector protector, TimeProvider clock)
{
    public const string NotFoundMessage = "未找到该后备干部，或其不在您的管辖范围内";
    public const string RegionNotFoundMessage = "未找到该区划，或它不在您的管辖范围内";

    private DbSet<ReserveCadre> Reserves => db.Set<ReserveCadre>();
    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private static readonly string[] LeadingPosts = [VillageVacancies.SecretaryPost, VillageVacancies.DirectorPost, VillageVacancies.SecretaryDirectorPost];

    public static string PostName(string? code) => ReferenceData.Posts.FirstOrDefault(p => p.Code == code)?.Name ?? code ?? "";
    public static string EducationName(string? code) => ReferenceData.EducationLevels.FirstOrDefault(p => p.Code == code)?.Name ?? code ?? "";
    public static string GenderName(Gender g) => g == Gender.Female ? "女" : "男";

    private IQueryable<ReserveRow> Rows(IQueryable<ReserveCadre> q) => q.Select(r => new ReserveRow(
        r.Id, r.RegionCode, db.Regions.Where(x => x.Code == r.RegionCode).Select(x => x.Name).FirstOrDefault(), false,
        r.Name, r.Gender, "", r.BirthDate, 0, r.EducationCode, "", r.IsPartyMember, r.Source, "", r.Channel, "",
        r.RecommendedDate, r.Status, "",
        r.Reviews.OrderByDescending(v => v.Date).ThenByDescending(v => v.Id).Select(v => (ReviewOutcome?)v.Outcome).FirstOrDefault(), null));

    /// <summary>Fills what the database cannot compute: names of codes and enumerations, and age today.</summary>
    private ReserveRow Named(ReserveRow r) => r with
    {
        IsTownPool = RegionCodes.LevelOf(r.RegionCode) == RegionLevel.Town,
        GenderName = GenderName(r.Gender), Age = Cadre.AgeOn(r.BirthDate, Today), EducationName = EducationName(r.EducationCode),
        SourceName = ReserveNames.Of(r.Source), ChannelName = ReserveNames.Of(r.Channel), StatusName = ReserveNames.Of(r.Status),
        LatestOutcomeName = r.LatestOutcome is { } o ? ReserveNames.Of(o) : null,
    };

    public async Task<Paged<ReserveRow>> ListAsync(ReserveFilter filter, PageRequest page, CancellationToken ct = default)
    {
        var q = Reserves.AsQueryable();
        if (!string.IsNullOrEmpty(filter.Code) && RegionCodes.LevelOf(filter.Code) is not null)
        {
            var prefix = RegionCodes.ScopePrefix(filter.Code);
            q = q.Where(r => r.RegionCode.StartsWith(prefix));
        }
        if (filter.Status is { } status) q = q.Where(r => r.Status == status);
        if (filter.Source is { } source) q = q.Where(r => r.Source == source);
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var s = filter.Search.Trim();
            q = q.Where(r => r.Name.Contains(s));
        }
        var result = await Rows(q.OrderBy(r => r.Status).ThenBy(r => r.RegionCode).ThenBy(r => r.Name).ThenBy(r => r.Id)).ToPagedAsync(page, ct);
        return result with { Items = result.Items.Select(Named).ToList() };
    }

    public async Task<ReserveDetail?> GetAsync(long id, CancellationToken ct = default)
    {
        var row = await Rows(Reserves.Where(r => r.Id == id)).FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var more = await Reserves.Where(r => r.Id == id).Select(r => new
        {
            r.Recommender, r.TrainerCadreId, r.TrainerName, r.PlacementPostCode, r.TrainingNote, r.ClosedDate, r.NationalIdMasked, r.RowVersion,
            Cadre = r.PromotedCadre == null ? null : new AppointedCadre(r.PromotedCadre.Id, r.PromotedCadre.Name, r.PromotedCadre.RegionCode,
                db.Regions.Where(x => x.Code == r.PromotedCadre.RegionCode).Select(x => x.Name).FirstOrDefault(),
                r.PromotedCadre.Posts.OrderBy(p => p.StartDate).Select(p => p.PostCode).FirstOrDefault() ?? r.PromotedCadre.PostCode, "",
                r.PromotedCadre.Posts.OrderBy(p => p.StartDate).Select(p => (DateOnly?)p.StartDate).FirstOrDefault() ?? r.PromotedCadre.StartDate,
                r.PromotedCadre.Rank, r.PromotedCadre.Term),
        }).FirstAsync(ct);
        var reviews = await db.Set<ReserveReview>().Where(v => v.ReserveCadreId == id).OrderBy(v => v.Date).ThenBy(v => v.Id)
            .Select(v => new ReviewView(v.Id, v.Date, v.Reviewer, v.Outcome, "", v.Note)).ToListAsync(ct);
        return new(Named(row), more.Recommender, more.TrainerCadreId, more.TrainerName, more.PlacementPostCode,
            more.PlacementPostCode is null ? null : PostName(more.PlacementPostCode), more.TrainingNote, more.ClosedDate,
            more.Cadre is null ? null : more.Cadre with { PostName = PostName(more.Cadre.PostCode) },
            reviews.Select(v => v with { OutcomeName = ReserveNames.Of(v.Outcome) }).ToList(), more.NationalIdMasked, more.RowVersion);
    }

    /// <summary>Towns and villages in scope, where a pool may be kept (a village's, or a town-level one).</summary>
    public Task<List<Regions.RegionView>> PoolRegionsAsync(CancellationToken ct = default) =>
        db.Regions.Where(r => r.Level == RegionLevel.Town || r.Level == RegionLevel.Village).OrderBy(r => r.Code)
            .Select(r => new Regions.RegionView(r.Code, r.Name, r.Level, "", r.ParentCode, 0)).ToListAsync(ct);

    /// <summary>Cadres in office under a region, who may be named trainers (培养联系人).</summary>
    public Task<List<TrainerOption>> TrainerOptionsAsync(string regionCode, CancellationToken ct = default)
    {
        if (RegionCodes.LevelOf(regionCode) is null) return Task.FromResult(new List<TrainerOption>());
        var prefix = RegionCodes.ScopePrefix(regionCode);
        return db.Set<Cadre>().Where(c => c.RegionCode.StartsWith(prefix) && c.Status == CadreStatus.InOffice)
            .OrderBy(c => c.RegionCode).ThenBy(c => c.PostCode).ThenBy(c => c.Name).Take(PageRequest.MaxSize)
            .Select(c => new TrainerOption(c.Id, c.Name, c.PostCode, db.Regions.Where(x => x.Code == c.RegionCode).Select(x => x.Name).FirstOrDefault()))
            .ToListAsync(ct);
    }

    /// <summary>A named trainer must be a serving cadre the account can see; the name is then the cadre's.</summary>
    private async Task<(long? Id, string? Name)> TrainerAsync(IReserveFields c, CancellationToken ct)
    {
        if (c.TrainerCadreId is not { } id) return (null, string.IsNullOrWhiteSpace(c.TrainerName) ? null : c.TrainerName.Trim());
        var name = await db.Set<Cadre>().Where(x => x.Id == id && x.Status == CadreStatus.InOffice).Select(x => x.Name).FirstOrDefaultAsync(ct)
                   ?? throw new RuleException("培养联系人不存在、已离任或不在您的管辖范围内");
        return (id, name);
    }

    /// <summary>
    /// Records the ID number as a cadre's is kept: encrypted, a keyed hash (the same key as the cadres', so the appointed
    /// cadre's uniqueness check reads it), and the masked form; the number itself is never stored or shown.
    /// </summary>
    private void SetNationalId(ReserveCadre r, string nationalId)
    {
        var normalized = NationalId.Parse(nationalId, Today).Normalized!;
        (r.NationalIdCipher, r.NationalIdHash, r.NationalIdMasked) = (protector.Protect(normalized), protector.Hash(normalized), NationalId.Mask(normalized));
    }

    private void Apply(ReserveCadre r, IReserveFields c, (long? Id, string? Name) trainer)
    {
        if (!string.IsNullOrWhiteSpace(c.NationalId)) SetNationalId(r, c.NationalId);
        r.Name = c.Name.Trim();
        r.Gender = c.Gender;
        r.BirthDate = c.BirthDate;
        r.EducationCode = c.EducationCode;
        r.IsPartyMember = c.IsPartyMember;
        r.Source = c.Source;
        r.Channel = c.Channel;
        r.Recommender = c.Recommender.Trim();
        r.RecommendedDate = c.RecommendedDate;
        (r.TrainerCadreId, r.TrainerName) = trainer;
        r.PlacementPostCode = string.IsNullOrEmpty(c.PlacementPostCode) ? null : c.PlacementPostCode;
        r.TrainingNote = string.IsNullOrWhiteSpace(c.TrainingNote) ? null : c.TrainingNote.Trim();
    }

    /// <summary>Enters a candidate into the pool of a village or a town in scope; null when the region is not found.</summary>
    public async Task<ReserveDetail?> CreateAsync(CreateReserve c, CancellationToken ct = default)
    {
        var level = await db.Regions.Where(r => r.Code == c.RegionCode).Select(r => (RegionLevel?)r.Level).FirstOrDefaultAsync(ct);
        if (level is null) return null;
        if (level is not (RegionLevel.Village or RegionLevel.Town)) throw new RuleException("后备干部只能入村或乡镇的后备干部库");
        var name = c.Name.Trim();
        if (await Reserves.AnyAsync(r => r.RegionCode == c.RegionCode && r.Name == name && r.BirthDate == c.BirthDate && r.Status == ReserveStatus.Active, ct))
            throw new RuleException($"{name}已在该后备干部库中");
        var reserve = new ReserveCadre { RegionCode = c.RegionCode, Name = name, EducationCode = c.EducationCode, Recommender = c.Recommender };
        Apply(reserve, c, await TrainerAsync(c, ct));
        Reserves.Add(reserve);
        await db.SaveChangesAsync(ct);
        return await GetAsync(reserve.Id, ct);
    }

    public async Task<ReserveDetail?> UpdateAsync(long id, UpdateReserve c, CancellationToken ct = default)
    {
        var reserve = await Reserves.Include(r => r.Reviews).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (reserve is null) return null;
        reserve.EnsureEditable();
        if (reserve.Reviews.Count > 0 && reserve.Reviews.Min(v => v.Date) is var first && c.RecommendedDate > first)
            throw new RuleException($"推荐日期不能晚于第一次研判（{first:yyyy-MM-dd}）");
        db.ExpectVersion(reserve, c.Version);
        Apply(reserve, c, await TrainerAsync(c, ct));
        db.Touch(reserve);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>Records a periodic review; a removal (绌退) closes the record in the same save.</summary>
    public async Task<ReserveDetail?> ReviewAsync(long id, ReviewReserve c, CancellationToken ct = default)
    {
        var reserve = await Reserves.Include(r => r.Reviews).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (reserve is null) return null;
        reserve.Review(c.Date, c.Reviewer, c.Outcome, c.Note);
        // A review is a new row; touching the candidate makes two reviews at once conflict (its version is checked).
        db.Touch(reserve);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>
    /// Backfill: appoints the candidate to a post of a village. The new cadre, its open post and the
    /// closed reserve record are written by one save — one transaction, one run of the audit chain —
    /// so either all three exist or none does.
    /// </summary>
    public async Task<ReserveDetail?> AppointAsync(long id, AppointReserve c, CancellationToken ct = default)
    {
        var reserve = await Reserves.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (reserve is null) return null;
        // Refuse a closed record before looking at villages: that is the first thing the user needs to hear.
        if (reserve.Status != ReserveStatus.Active)
            reserve.Appoint(reserve.RegionCode, c.PostCode, c.Date, c.Term, []);
        var village = string.IsNullOrEmpty(c.VillageCode)
            ? RegionCodes.LevelOf(reserve.RegionCode) == RegionLevel.Village ? reserve.RegionCode : throw new RuleException("乡镇后备干部请选择任用到的村")
            : c.VillageCode;
        if (!await db.Regions.AnyAsync(r => r.Code == village && r.Level == RegionLevel.Village, ct))
            throw new RuleException("所选村不存在或不在您的管辖范围内");
        var vacancies = await VacantPostsAsync(village, ct);
        var cadre = reserve.Appoint(village, c.PostCode, c.Date, c.Term, vacancies);
        // The cadre record needs the ID number: a candidate entered without one gives it now (checked against the record).
        // Checked after the appointment rules (nothing is saved on refusal), so their messages come first.
        if (!string.IsNullOrWhiteSpace(c.NationalId))
        {
            var check = NationalId.Parse(c.NationalId, Today);
            if (NationalId.AgreesWith(check, reserve.BirthDate, reserve.Gender) is { Count: > 0 } disagree)
                throw new RuleException($"身份证号与该后备干部的档案不符：{string.Join("；", disagree)}");
            SetNationalId(reserve, c.NationalId);
        }
        if (reserve.NationalIdHash is null) throw new RuleException("该后备干部未登记身份证号，任用时请填写身份证号");
        if (await ScopeGateway.NationalIdRegisteredAsync(db, reserve.NationalIdHash, null, ct))
            throw new RuleException("该身份证号已在干部档案中登记，不能重复登记");
        (cadre.NationalIdCipher, cadre.NationalIdHash, cadre.NationalIdMasked) = (reserve.NationalIdCipher, reserve.NationalIdHash, reserve.NationalIdMasked);
        db.Set<Cadre>().Add(cadre);
        await Cadres.CadreHandlers.SaveLeadingPostsAsync(db, ct);
        return await GetAsync(id, ct);
    }

    private async Task<IReadOnlyList<VacantPost>> VacantPostsAsync(string village, CancellationToken ct) =>
        VillageVacancies.Of(await db.Set<Cadre>().Where(x => x.RegionCode == village && x.Status == CadreStatus.InOffice).Select(x => x.PostCode).ToListAsync(ct));

    /// <summary>Villages under a region with a vacant leading post; for a village, also its backfill candidates. Null when the region is not found.</summary>
    public async Task<VacancyReport?> VacanciesAsync(string code, CancellationToken ct = default)
    {
        var region = await db.Regions.Where(r => r.Code == code).Select(r => new { r.Code, r.Name, r.Level }).FirstOrDefaultAsync(ct);
        if (region is null) return null;
        if (region.Level > RegionLevel.Village) return new(region.Code, region.Name, region.Level, [], []);
        var prefix = RegionCodes.ScopePrefix(region.Code);
        var villages = await db.Regions.Where(r => r.Level == RegionLevel.Village && r.Code.StartsWith(prefix)).OrderBy(r => r.Code)
            .Select(r => new { r.Code, r.Name }).ToListAsync(ct);
        var leading = (await db.Set<Cadre>().Where(x => x.RegionCode.StartsWith(prefix) && x.Status == CadreStatus.InOffice && LeadingPosts.Contains(x.PostCode))
            .Select(x => new { x.RegionCode, x.PostCode }).ToListAsync(ct)).ToLookup(x => x.RegionCode, x => x.PostCode);
        // Candidates of a village are its own pool and its town's: count both, by region.
        var townPrefix = prefix[..Math.Min(prefix.Length, RegionCodes.TownDigits)];
        var pools = await Reserves.Where(r => r.Status == ReserveStatus.Active && r.RegionCode.StartsWith(townPrefix))
            .GroupBy(r => r.RegionCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        int PoolOf(string regionCode) => pools.GetValueOrDefault(regionCode);

        var vacant = villages
            .Select(v => (v, Posts: VillageVacancies.Of(leading[v.Code])))
            .Where(x => x.Posts.Count > 0)
            .Select(x => new VillageVacancy(x.v.Code, x.v.Name, x.Posts, x.Posts.Select(ReserveNames.Of).ToList(),
                PoolOf(x.v.Code) + PoolOf(RegionCodes.ParentOf(x.v.Code)!)))
            .ToList();
        var candidates = region.Level == RegionLevel.Village ? await CandidatesAsync(region.Code, ct) : [];
        return new(region.Code, region.Name, region.Level, vacant, candidates);
    }

    /// <summary>Active candidates of a village's pool and its town's, 优进 first, then the village's own, then by name.</summary>
    public async Task<IReadOnlyList<VacancyCandidate>> CandidatesAsync(string village, CancellationToken ct = default)
    {
        var town = RegionCodes.ParentOf(village)!;
        var rows = await Rows(Reserves.Where(r => r.Status == ReserveStatus.Active && (r.RegionCode == village || r.RegionCode == town))).ToListAsync(ct);
        return rows.Select(Named)
            .OrderByDescending(r => r.LatestOutcome == ReviewOutcome.Promote).ThenBy(r => r.IsTownPool).ThenBy(r => r.Name).ThenBy(r => r.Id)
            .Select(r => new VacancyCandidate(r.Id, r.Name, r.RegionCode, r.RegionName, r.IsTownPool, r.GenderName, r.Age, r.EducationName,
                r.IsPartyMember, r.SourceName, r.LatestOutcome, r.LatestOutcomeName))
            .ToList();
    }

    /// <summary>Villages a candidate may be appointed to: the pool's own village, or every village of a town pool.</summary>
    public async Task<IReadOnlyList<Regions.RegionView>> AppointableVillagesAsync(string poolCode, CancellationToken ct = default) =>
        await db.Regions.Where(r => r.Level == RegionLevel.Village && (r.Code == poolCode || r.ParentCode == poolCode)).OrderBy(r => r.Code)
            .Select(r => new Regions.RegionView(r.Code, r.Name, r.Level, "", r.ParentCode, 0)).ToListAsync(ct);
}

public sealed record TrainerOption(long Id, string Name, string PostCode, string? RegionName)
{
    public string Label => $"{Name}（{RegionName} {ReserveHandlers.PostName(PostCode)}）";
}
