using Cunzhi.Data;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Training;
using Cunzhi.Web.Features.Cadres;
using Cunzhi.Web.Features.Imports;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Excel;
using Cunzhi.Web.Infrastructure.Time;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Training;

/// <summary>A county's required hours for a post from a year.</summary>
public sealed record RequirementView(long Id, string PostCode, string PostName, int FromYear, decimal Hours, int Version) : IVersionedView;

/// <summary>Sets the required hours of a post from a year (a new row, or the row of that year changed with its version).</summary>
public sealed record SetRequirement(string? PostCode, int FromYear, decimal Hours) : IVersionedCommand
{
    /// <summary>The row's version as read (only when changing an existing year's row).</summary>
    public int? Version { get; set; }
}

/// <summary>A cadre's year: hours credited, required (null: none set), shortfall, and whether a 集中轮训 was attended.</summary>
public sealed record CadreYear(long CadreId, string Name, string VillageCode, string VillageName, string PostCode, decimal Credited, decimal? Required, bool RotationClass)
{
    /// <summary>The post in Chinese.</summary>
    public string PostName => CadreNames.Post(PostCode);
    /// <summary>Hours still short.</summary>
    public decimal Shortfall => TrainingRules.Shortfall(Credited, Required);
    /// <summary>A 书记 or 主任 (the rotation class is theirs).</summary>
    public bool IsLeader => StructureAnalysis.SecretaryPosts.Contains(PostCode) || StructureAnalysis.DirectorPosts.Contains(PostCode);
    /// <summary>A 书记 or 主任 without this year's rotation class.</summary>
    public bool MissesRotation => IsLeader && !RotationClass;
}

/// <summary>The gap list of a year: cadres short of hours or (书记/主任) without a rotation class; paged.</summary>
public sealed record GapList(int Year, string RegionCode, string RegionName, int ShortOfHours, int WithoutRotation, Paged<CadreYear> Rows);

/// <summary>One session in a cadre's record.</summary>
public sealed record RecordLine(long SessionId, string Title, TrainingKind Kind, DateOnly StartDate, DateOnly EndDate, bool? Attended, decimal CreditedHours)
{
    /// <summary>The kind in Chinese.</summary>
    public string KindName => TrainingRules.KindName(Kind);
}

/// <summary>A cadre's training record: the year's figures and the sessions enrolled in (latest first, paged).</summary>
public sealed record CadreTrainingRecord(int Year, CadreYear Figures, Paged<RecordLine> Sessions);

/// <summary>A month of the yearly plan.</summary>
public sealed record PlanMonth(int Month, IReadOnlyList<SessionView> Sessions);

/// <summary>The yearly plan: sessions of the reader's line by month (cancelled ones included and marked), and the two-month slots begun without a 大讲堂.</summary>
public sealed record YearPlan(int Year, IReadOnlyList<PlanMonth> Months, IReadOnlyList<int> EmptyLectureSlots, bool Truncated)
{
    /// <summary>Empty slots in Chinese.</summary>
    public IReadOnlyList<string> EmptySlotNames => EmptyLectureSlots.Select(TrainingRules.SlotName).ToList();
}

/// <summary>Coverage of a region (town or village) in a year: cadres meeting their hours, 书记/主任 with a rotation class.</summary>
public sealed record TrainingCoverageLine(string Code, string Name, int Cadres, int MeetingHours, int Leaders, int LeadersRotated)
{
    /// <summary>Share of cadres meeting the required hours (percent, one decimal).</summary>
    public decimal HoursPercent => Cadres == 0 ? 0 : Math.Round(MeetingHours * 100m / Cadres, 1, MidpointRounding.AwayFromZero);
    /// <summary>Share of 书记/主任 with a rotation class (percent, one decimal).</summary>
    public decimal RotationPercent => Leaders == 0 ? 0 : Math.Round(LeadersRotated * 100m / Leaders, 1, MidpointRounding.AwayFromZero);
}

/// <summary>The coverage dashboard of a region: its total and one line per child region (towns of a county, villages of a town).</summary>
public sealed record TrainingCoverage(string Code, string Name, RegionLevel Level, string? ParentCode, int Year, TrainingCoverageLine Total, Paged<TrainingCoverageLine> Rows);

public sealed class SetRequirementValidator : AbstractValidator<SetRequirement>
{
    public SetRequirementValidator()
    {
        RuleFor(c => c.PostCode).Must(p => p is not null && ReferenceData.Posts.Any(x => x.Code == p.Trim())).WithMessage("请选择职务");
        RuleFor(c => c.FromYear).InclusiveBetween(InputRange.MinYear, InputRange.MaxYear).WithMessage(InputRange.YearMessage);
        RuleFor(c => c.Hours).InclusiveBetween(0, 1000).WithMessage("学时须在 0 至 1000 之间")
            .Must(h => decimal.Round(h, 1) == h).WithMessage("学时最多保留一位小数");
    }
}

/// <summary>
/// Hours and gaps: the county's required hours per post (versioned by the year they take effect), each in-office
/// cadre's hours credited in a year (attended, not cancelled sessions ending that year), the gap list, a cadre's record,
/// the yearly plan with its 大讲堂 cadence, and the coverage dashboard with its export.
/// </summary>
public sealed class TrainingRecords(AppDbContext db, TimeProvider clock)
{
    public const string RegionNotFound = "未找到该区划，或其不在您的管辖范围内";
    public const string CadreNotFound = "未找到该干部（或不在您的管辖范围内）";
    private const int MaxPlanSessions = 500;

    private string County => RegionCodes.CountyOf(db.User.RegionCode) ?? Cunzhi.Data.Security.UserContext.NoRegion;

    /// <summary>The county's required hours (every post and year).</summary>
    public async Task<IReadOnlyList<RequirementView>> RequirementsAsync(CancellationToken ct = default) =>
        (await ScopeGateway.CountyTrainingRequirementsAsync(db, County, ct))
            .Select(r => new RequirementView(r.Id, r.PostCode, CadreNames.Post(r.PostCode), r.FromYear, r.Hours, r.RowVersion)).ToList();

    /// <summary>Sets a post's required hours from a year at the county (a county account only); changing that year's row needs its version.</summary>
    public async Task<RequirementView> SetRequirementAsync(SetRequirement c, CancellationToken ct = default)
    {
        if (RegionCodes.LevelOf(db.User.RegionCode) != RegionLevel.County) throw new RuleException("学时要求由县级设置，请使用县级账号");
        var county = db.User.RegionCode;
        var post = c.PostCode!.Trim();
        var row = await db.Set<TrainingRequirement>().FirstOrDefaultAsync(r => r.RegionCode == county && r.PostCode == post && r.FromYear == c.FromYear, ct);
        if (row is null)
        {
            row = new TrainingRequirement { RegionCode = county, PostCode = post, FromYear = c.FromYear, Hours = c.Hours, UpdatedBy = db.User.UserName };
            db.Add(row);
        }
        else
        {
            db.ExpectVersion(row, c.Version ?? throw new RuleException("training.version", "Version", $"{c.FromYear} 年起的{CadreNames.Post(post)}学时要求已设置，修改时须带版本号"));
            (row.Hours, row.UpdatedBy) = (c.Hours, db.User.UserName);
        }
        row.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && e.IsUniqueViolation())
        {
            throw new RuleException("training.requirement_taken", "FromYear", "该职务该年度的学时要求刚被他人设置，请刷新后修改");
        }
        return new(row.Id, row.PostCode, CadreNames.Post(row.PostCode), row.FromYear, row.Hours, row.RowVersion);
    }

    /// <summary>
    /// Every in-office cadre under <paramref name="prefix"/> (in the account's scope) with the year's credited hours, the
    /// requirement of the post and whether a 集中轮训 was attended.
    /// </summary>
    internal async Task<List<CadreYear>> YearsAsync(string prefix, int year, long? cadreId, CancellationToken ct)
    {
        var cadres = db.Cadres.AsNoTracking().Where(c => c.RegionCode.StartsWith(prefix));
        cadres = cadreId is { } id ? cadres.Where(c => c.Id == id) : cadres.Where(c => c.Status == CadreStatus.InOffice);
        var people = await cadres.Select(c => new { c.Id, c.Name, c.RegionCode, c.PostCode }).ToListAsync(ct);
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var credits = await db.Set<TrainingEnrolment>().AsNoTracking()
            .Where(e => e.Attended == true && e.RegionCode.StartsWith(prefix) && (cadreId == null || e.CadreId == cadreId))
            .Join(ScopeGateway.TrainingSessionsInLine(db).Where(s => !s.Cancelled && s.EndDate >= first && s.EndDate <= last), e => e.SessionId, s => s.Id,
                (e, s) => new { e.CadreId, e.CreditedHours, s.Kind })
            .ToListAsync(ct);
        var byCadre = credits.GroupBy(x => x.CadreId).ToDictionary(g => g.Key, g => (Hours: g.Sum(x => x.CreditedHours), Rotation: g.Any(x => x.Kind == TrainingKind.RotationClass)));
        var required = (await ScopeGateway.CountyTrainingRequirementsAsync(db, RegionCodes.CountyOf(prefix.PadRight(12, '0')) ?? County, ct))
            .Select(r => new RequiredHours(r.PostCode, r.FromYear, r.Hours)).ToList();
        var villages = people.Select(p => p.RegionCode).Distinct().ToList();
        var names = await ScopeGateway.PublicRegions(db).Where(r => villages.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return people.Select(p =>
        {
            var got = byCadre.GetValueOrDefault(p.Id);
            return new CadreYear(p.Id, p.Name, p.RegionCode, names.GetValueOrDefault(p.RegionCode) ?? p.RegionCode, p.PostCode, got.Hours,
                TrainingRules.Required(required, p.PostCode, year), got.Rotation);
        }).OrderBy(c => c.VillageCode).ThenBy(c => c.Name).ThenBy(c => c.CadreId).ToList();
    }

    private async Task<(string Code, string Name, RegionLevel Level, string? Parent)?> RegionAsync(string? region, CancellationToken ct)
    {
        var code = string.IsNullOrWhiteSpace(region) ? db.User.RegionCode : region.Trim();
        if (RegionCodes.LevelOf(code) is not (RegionLevel.County or RegionLevel.Town or RegionLevel.Village)) return null;
        return await db.Regions.AsNoTracking().Where(r => r.Code == code).Select(r => new { r.Code, r.Name, r.Level, r.ParentCode }).FirstOrDefaultAsync(ct) is { } r
            ? (r.Code, r.Name, r.Level, r.ParentCode) : null;
    }

    /// <summary>The gap list of a year under a region in scope (null when not found): cadres short of hours, and 书记/主任 without a rotation class; <paramref name="only"/> "hours" or "rotation" narrows it.</summary>
    public async Task<GapList?> GapsAsync(string? region, int year, string? only, PageRequest page, CancellationToken ct = default)
    {
        if (await RegionAsync(region, ct) is not { } r) return null;
        var years = await YearsAsync(RegionCodes.ScopePrefix(r.Code), year, null, ct);
        var rows = years.Where(y => only switch { "hours" => y.Shortfall > 0, "rotation" => y.MissesRotation, _ => y.Shortfall > 0 || y.MissesRotation }).ToList();
        return new(year, r.Code, r.Name, years.Count(y => y.Shortfall > 0), years.Count(y => y.MissesRotation),
            new(rows.Skip(page.Skip).Take(page.Size).ToList(), rows.Count, page.Page, page.Size));
    }

    /// <summary>A cadre's record in scope (null when not found): the year's figures and every session enrolled in, latest first, paged.</summary>
    public async Task<CadreTrainingRecord?> CadreAsync(long cadreId, int year, PageRequest page, CancellationToken ct = default)
    {
        if (await db.Cadres.AsNoTracking().Where(c => c.Id == cadreId).Select(c => c.RegionCode).FirstOrDefaultAsync(ct) is not { } village) return null;
        var figures = (await YearsAsync(village, year, cadreId, ct)).Single();
        var lines = await db.Set<TrainingEnrolment>().AsNoTracking().Where(e => e.CadreId == cadreId)
            .Join(ScopeGateway.TrainingSessionsInLine(db), e => e.SessionId, s => s.Id, (e, s) => new { e, s })
            .OrderByDescending(x => x.s.StartDate).ThenByDescending(x => x.s.Id)
            .Select(x => new RecordLine(x.s.Id, x.s.Title, x.s.Kind, x.s.StartDate, x.s.EndDate, x.s.Cancelled ? null : x.e.Attended, x.e.CreditedHours))
            .ToPagedAsync(page, ct);
        return new(year, figures, lines);
    }

    /// <summary>The yearly plan of the reader's line: sessions by month (at most 500), and the begun two-month slots without a 大讲堂.</summary>
    public async Task<YearPlan> PlanAsync(int year, string? organiser, CancellationToken ct = default)
    {
        var q = ScopeGateway.TrainingSessionsInLine(db).Where(s => s.StartDate >= new DateOnly(year, 1, 1) && s.StartDate <= new DateOnly(year, 12, 31));
        if (!string.IsNullOrWhiteSpace(organiser)) q = q.Where(s => s.RegionCode == organiser.Trim());
        var sessions = await q.OrderBy(s => s.StartDate).ThenBy(s => s.Id).Take(MaxPlanSessions + 1)
            .Select(s => new SessionView(s.Id, s.RegionCode, "", s.Kind, s.Title, s.Topic, s.StartDate, s.EndDate, s.Hours, s.Place, s.Cancelled, 0, 0, s.RowVersion))
            .ToListAsync(ct);
        var codes = sessions.Select(s => s.OrganiserCode).Distinct().ToList();
        var names = await ScopeGateway.PublicRegions(db).Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var shown = sessions.Take(MaxPlanSessions).Select(s => s with { OrganiserName = names.GetValueOrDefault(s.OrganiserCode) ?? s.OrganiserCode }).ToList();
        var months = Enumerable.Range(1, 12).Select(m => new PlanMonth(m, shown.Where(s => s.StartDate.Month == m).ToList())).ToList();
        var lectures = shown.Where(s => s.Kind == TrainingKind.Lecture && !s.Cancelled).Select(s => s.StartDate);
        return new(year, months, TrainingRules.EmptyLectureSlots(year, lectures, clock.Today()), sessions.Count > MaxPlanSessions);
    }

    /// <summary>The coverage of a region in scope in a year (null when not found): its total and a line per town (county) or village (town).</summary>
    public async Task<TrainingCoverage?> CoverageAsync(string? region, int year, PageRequest page, CancellationToken ct = default)
    {
        if (await RegionAsync(region, ct) is not { } r) return null;
        var (lines, total) = await LinesAsync(r.Code, r.Name, r.Level, year, ct);
        return new(r.Code, r.Name, r.Level, r.Parent, year, total, new(lines.Skip(page.Skip).Take(page.Size).ToList(), lines.Count, page.Page, page.Size));
    }

    private async Task<(List<TrainingCoverageLine> Lines, TrainingCoverageLine Total)> LinesAsync(string code, string name, RegionLevel level, int year, CancellationToken ct)
    {
        var years = await YearsAsync(RegionCodes.ScopePrefix(code), year, null, ct);
        var childLevel = level switch { RegionLevel.County => RegionLevel.Town, RegionLevel.Town => RegionLevel.Village, _ => (RegionLevel?)null };
        var children = childLevel is { } cl
            ? await db.Regions.AsNoTracking().Where(x => x.ParentCode == code && x.Level == cl).OrderBy(x => x.Code).Select(x => new { x.Code, x.Name }).ToListAsync(ct)
            : [new { Code = code, Name = name }];
        TrainingCoverageLine Line(string c, string n, IEnumerable<CadreYear> ys)
        {
            var list = ys.ToList();
            return new(c, n, list.Count, list.Count(y => y.Shortfall == 0), list.Count(y => y.IsLeader), list.Count(y => y.IsLeader && y.RotationClass));
        }
        var lines = children.Select(ch => Line(ch.Code, ch.Name, years.Where(y => y.VillageCode.StartsWith(RegionCodes.ScopePrefix(ch.Code), StringComparison.Ordinal)))).ToList();
        return (lines, Line(code, "合计", years));
    }

    /// <summary>The coverage of a region as a workbook: 按区划 (with the total) and 学时缺口 (every cadre short of hours or without a rotation class); null when not found.</summary>
    public async Task<XlsxDownload?> ExportAsync(string? region, int year, CancellationToken ct = default)
    {
        if (await RegionAsync(region, ct) is not { } r) return null;
        var (lines, total) = await LinesAsync(r.Code, r.Name, r.Level, year, ct);
        var gaps = (await YearsAsync(RegionCodes.ScopePrefix(r.Code), year, null, ct)).Where(y => y.Shortfall > 0 || y.MissesRotation).ToList();
        XlsxColumn[] lineColumns = [new("区划", Width: 20), new("在任干部", XlsxKind.Integer), new("学时达标", XlsxKind.Integer), new("达标率（%）", XlsxKind.Decimal),
            new("书记/主任", XlsxKind.Integer), new("已参加集中轮训", XlsxKind.Integer), new("轮训覆盖率（%）", XlsxKind.Decimal)];
        object?[] Row(TrainingCoverageLine l) => [l.Name, l.Cadres, l.MeetingHours, l.HoursPercent, l.Leaders, l.LeadersRotated, l.RotationPercent];
        XlsxColumn[] gapColumns = [new("村", Width: 16), new("姓名", Width: 10), new("职务", Width: 16), new("已完成学时", XlsxKind.Decimal), new("应完成学时", XlsxKind.Decimal),
            new("差额", XlsxKind.Decimal), new("未参加集中轮训", XlsxKind.Boolean)];
        var gapRows = gaps.Select(g => new object?[] { g.VillageName, g.Name, g.PostName, g.Credited, g.Required, g.Shortfall, g.MissesRotation });
        var fileName = $"培训覆盖-{r.Name}-{year}-{clock.Today():yyyyMMdd}.xlsx";
        return new XlsxDownload(fileName, (stream, token) => XlsxWriter.WriteAsync(stream,
        [
            new XlsxSheet("按区划", lineColumns, lines.Select(Row).Append(Row(total))),
            new XlsxSheet("学时缺口", gapColumns, gapRows),
        ], token));
    }
}
