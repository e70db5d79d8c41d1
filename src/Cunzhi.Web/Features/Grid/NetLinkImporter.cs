using Cunzhi.Data;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Grid;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Imports;
using Cunzhi.Web.Infrastructure.Excel;
using Cunzhi.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Grid;

/// <summary>One row of a link import: a 干部联村组 or a 党员联农户 link, resolved to ids once the village is known.</summary>
public sealed class NetLinkImportRow
{
    public required int Row { get; init; }
    public string? VillageText { get; init; }
    public string? VillageCode { get; init; }
    public bool? IsCadreLink { get; init; }
    public string? GroupText { get; init; }
    public string? Name { get; init; }
    public string? IdTail { get; init; }
    public string? MemberHousehold { get; init; }
    public string? LinkedHousehold { get; init; }
    public DateOnly? From { get; init; }
    public string? GroupCode { get; set; }
    public long? CadreId { get; set; }
    public long? ResidentId { get; set; }
    public long? HouseholdId { get; set; }
}

/// <summary>
/// 联系名单导入. A village clerk fills in what they know, not internal ids: the village, the kind of link, the villager
/// group by name, the person by name — a cadre among the village's serving cadres (the last four digits of the ID number
/// only when two share a name), a Party member by their own household number (户号, the village's register number, since
/// residents carry no ID number here) — and the linked household by its 户号. Each row passes the rules of making the link
/// by hand (<see cref="GridRules"/>), against the register and against the rows above it (a group or household twice, a
/// member beyond the county's maximum); one error anywhere and nothing is written.
/// </summary>
public sealed class NetLinkImporter(AppDbContext db, GridSettings settings) : IImporter<NetLinkImportRow>
{
    public const string Kind = "grid-links";
    public const string Title = "一网三联联系名单";

    public const string CadreKind = "干部联村组";
    public const string MemberKind = "党员联农户";

    public const string Village = "所在村（社区）*";
    public const string LinkKind = "联系类型*";
    public const string Group = "村民小组";
    public const string Name = "干部或党员姓名*";
    public const string IdTail = "干部证件号后四位";
    public const string MemberHousehold = "党员所在户号";
    public const string LinkedHousehold = "联系户号";
    public const string From = "起始日期*";

    public static IReadOnlyList<XlsxImportColumn> Columns { get; } =
    [
        new(Village) { Aliases = ["所在村", "村（社区）", "村名"], Format = "12 位区划代码、“乡镇名/村名”或本辖区内唯一的村名", Example = "三兴镇/闹坪村", Width = 18 },
        new(LinkKind) { AllowedValues = [CadreKind, MemberKind], Note = "干部联村组：一名干部负责一个村民小组；党员联农户：一名党员联系一户", Example = CadreKind, Width = 12 },
        new(Group, Required: false) { Format = "村民小组名称或 15 位代码", Note = "干部联村组必填；须属于所在村，且现在没有联系干部", Example = "上屋组", Width = 12 },
        new(Name) { Aliases = ["姓名"], Note = "干部联村组填本村在任村干部；党员联农户填本村党员", Example = "钟德福" },
        new(IdTail, Required: false) { Format = "4 位", Note = "本村有两名同名干部时填写，用以区分", Example = "1234" },
        new(MemberHousehold, Required: false) { Note = "党员联农户必填：党员本人所在户的户号（用以区分同名村民）", Example = "0001" },
        new(LinkedHousehold, Required: false) { Note = "党员联农户必填：所联系农户的户号；该户现在没有联户党员，且不是党员本人所在户", Example = "0002" },
        new(From, XlsxKind.Date) { Note = "联系开始的日期", Example = "2026-01-01", Width = 12 },
    ];

    private VillageResolver villages = null!;

    public async Task PrepareAsync(CancellationToken ct) => villages = await VillageResolver.LoadAsync(db, ct);

    public NetLinkImportRow? Parse(XlsxRecord r)
    {
        var villageText = r.Text(Village);
        string? villageCode = null;
        if (villageText is not null)
        {
            var match = villages.Resolve(villageText);
            if (match.Error is { } error) r.AddError(Village, error);
            villageCode = match.Code;
        }
        var kindText = r.Text(LinkKind);
        bool? isCadre = kindText switch { CadreKind => true, MemberKind => false, _ => null };
        if (kindText is not null && isCadre is null) r.AddError(LinkKind, $"应填写“{CadreKind}”或“{MemberKind}”");
        var row = new NetLinkImportRow
        {
            Row = r.Row, VillageText = villageText, VillageCode = villageCode, IsCadreLink = isCadre, GroupText = r.Text(Group), Name = r.Text(Name),
            IdTail = r.Text(IdTail), MemberHousehold = r.Text(MemberHousehold), LinkedHousehold = r.Text(LinkedHousehold), From = r.Date(From),
        };
        if (row.From is { Year: < 2000 or > 2100 }) r.AddError(From, "日期须在 2000 至 2100 年之间");
        if (row.IdTail is { } tail && (tail.Length != 4 || !tail.All(c => char.IsAsciiDigit(c) || c is 'X' or 'x'))) r.AddError(IdTail, "应填写证件号的后四位");
        if (isCadre == true && row.GroupText is null) r.AddError(Group, "干部联村组须填写村民小组");
        if (isCadre == false && row.MemberHousehold is null) r.AddError(MemberHousehold, "党员联农户须填写党员所在户号");
        if (isCadre == false && row.LinkedHousehold is null) r.AddError(LinkedHousehold, "党员联农户须填写联系户号");
        return row;
    }

    public async Task CheckAsync(IReadOnlyList<NetLinkImportRow> rows, CellErrors errors, CancellationToken ct)
    {
        var unknown = rows.Where(r => r.VillageText is not null && villages.Resolve(r.VillageText).IsUnknown).ToList();
        if (unknown.Count > 0)
        {
            var why = await villages.ExplainAsync(unknown.Select(r => r.VillageText!), ct);
            foreach (var row in unknown) errors.Add(row.Row, Village, why[row.VillageText!]);
        }
        var policy = await settings.PolicyOfAsync(ct);
        foreach (var village in rows.Where(r => r.VillageCode is not null && r.IsCadreLink is not null && r.Name is not null && r.From is not null).GroupBy(r => r.VillageCode!))
        {
            var code = village.Key;
            var path = villages.PathOf(code);
            var groups = await db.Regions.AsNoTracking().Where(r => r.ParentCode == code && r.Level == RegionLevel.VillagerGroup).Select(r => new { r.Code, r.Name }).ToListAsync(ct);
            var cadres = await db.Cadres.AsNoTracking().Where(c => c.RegionCode == code && c.Status == CadreStatus.InOffice).Select(c => new { c.Id, c.Name, c.NationalIdMasked }).ToListAsync(ct);
            var numbers = village.SelectMany(r => new[] { r.MemberHousehold, r.LinkedHousehold }).OfType<string>().Distinct().ToList();
            var households = new Dictionary<string, long>();
            foreach (var chunk in numbers.Chunk(1000))
                foreach (var h in await db.Households.AsNoTracking().Where(h => h.RegionCode == code && chunk.Contains(h.Number)).Select(h => new { h.Id, h.Number }).ToListAsync(ct))
                    households[h.Number] = h.Id;
            var householdIds = households.Values.ToList();
            var residents = new List<(long Id, string Name, long HouseholdId, bool IsPartyMember)>();
            foreach (var chunk in householdIds.Chunk(1000))
                residents.AddRange((await db.Residents.AsNoTracking().Where(r => chunk.Contains(r.HouseholdId)).Select(r => new { r.Id, r.Name, r.HouseholdId, r.IsPartyMember }).ToListAsync(ct))
                    .Select(r => (r.Id, r.Name, r.HouseholdId, r.IsPartyMember)));
            var cadreNames = cadres.ToDictionary(c => c.Id, c => c.Name);
            var groupTaken = (await db.Set<CadreGroupLink>().AsNoTracking().Where(l => l.RegionCode == code && l.ToDate == null).Select(l => new { l.GroupCode, l.CadreId }).ToListAsync(ct))
                .ToDictionary(l => l.GroupCode, l => l.CadreId);
            var memberTaken = (await db.Set<MemberHouseholdLink>().AsNoTracking().Where(l => l.RegionCode == code && l.ToDate == null)
                .Select(l => new { l.HouseholdId, l.ResidentId, Name = db.Residents.Where(r => r.Id == l.ResidentId).Select(r => r.Name).FirstOrDefault() }).ToListAsync(ct));
            var householdTaken = memberTaken.ToDictionary(l => l.HouseholdId, l => l.Name ?? "");
            var loads = memberTaken.GroupBy(l => l.ResidentId).ToDictionary(g => g.Key, g => g.Count());
            var fileGroups = new Dictionary<string, int>();
            var fileHouseholds = new Dictionary<long, int>();

            foreach (var row in village.OrderBy(r => r.Row))
            {
                if (row.IsCadreLink == true)
                {
                    var group = groups.Where(g => g.Code == row.GroupText || g.Name == row.GroupText).ToList();
                    if (group.Count != 1)
                    {
                        errors.Add(row.Row, Group, group.Count > 1 ? $"{path}有 {group.Count} 个名为“{row.GroupText}”的村民小组，请填写 15 位代码"
                            : $"{path}没有“{row.GroupText}”这个村民小组；可填写：{string.Join("、", groups.Select(g => g.Name).Take(20))}");
                        continue;
                    }
                    var named = cadres.Where(c => c.Name == row.Name && (row.IdTail is null || (c.NationalIdMasked ?? "").EndsWith(row.IdTail, StringComparison.OrdinalIgnoreCase))).ToList();
                    if (named.Count != 1)
                    {
                        errors.Add(row.Row, named.Count > 1 ? IdTail : Name, named.Count > 1 ? $"{path}有 {named.Count} 名在任干部叫“{row.Name}”，请填写证件号后四位"
                            : $"{path}没有名叫“{row.Name}”的在任村干部" + (row.IdTail is null ? "" : "（或证件号后四位不符）"));
                        continue;
                    }
                    row.GroupCode = group[0].Code;
                    row.CadreId = named[0].Id;
                    if (fileGroups.TryGetValue(row.GroupCode, out var earlier))
                    {
                        errors.Add(row.Row, Group, $"与第 {earlier} 行是同一个村民小组（每组只能有一名联系干部）");
                        continue;
                    }
                    fileGroups[row.GroupCode] = row.Row;
                    var current = groupTaken.TryGetValue(row.GroupCode, out var holder) ? cadreNames.GetValueOrDefault(holder, "已离任干部") : null;
                    foreach (var p in GridRules.CheckCadreLink(new CadreLinkCase(code, row.GroupCode, true, code, true, row.From!.Value, null, current)))
                        errors.Add(row.Row, p.Field == "GroupCode" ? Group : p.Field == "ToDate" ? From : Name, p.Message);
                }
                else
                {
                    if (row.MemberHousehold is null || row.LinkedHousehold is null) continue;
                    if (!households.TryGetValue(row.MemberHousehold, out var ownId)) { errors.Add(row.Row, MemberHousehold, $"{path}没有户号为 {row.MemberHousehold} 的农户"); continue; }
                    if (!households.TryGetValue(row.LinkedHousehold, out var linkedId)) { errors.Add(row.Row, LinkedHousehold, $"{path}没有户号为 {row.LinkedHousehold} 的农户"); continue; }
                    var named = residents.Where(r => r.HouseholdId == ownId && r.Name == row.Name).ToList();
                    if (named.Count != 1)
                    {
                        errors.Add(row.Row, Name, named.Count > 1 ? $"户号 {row.MemberHousehold} 中有 {named.Count} 人叫“{row.Name}”，请先在农户页面区分"
                            : $"户号 {row.MemberHousehold} 中没有名叫“{row.Name}”的成员");
                        continue;
                    }
                    var member = named[0];
                    (row.ResidentId, row.HouseholdId) = (member.Id, linkedId);
                    if (fileHouseholds.TryGetValue(linkedId, out var earlier))
                    {
                        errors.Add(row.Row, LinkedHousehold, $"与第 {earlier} 行是同一户（每户只能有一名联户党员）");
                        continue;
                    }
                    fileHouseholds[linkedId] = row.Row;
                    var load = loads.GetValueOrDefault(member.Id);
                    var problems = GridRules.CheckMemberLink(new MemberLinkCase(code, code, code, member.IsPartyMember, ownId == linkedId, row.From!.Value, null,
                        householdTaken.GetValueOrDefault(linkedId), load, policy.MaxHouseholds));
                    foreach (var p in problems)
                        errors.Add(row.Row, p.Field == "HouseholdId" ? LinkedHousehold : p.Field == "ToDate" ? From : Name, p.Message);
                    loads[member.Id] = load + 1;
                }
            }
        }
    }

    public void Add(AppDbContext context, NetLinkImportRow row)
    {
        if (row.IsCadreLink == true)
            context.Add(new CadreGroupLink { RegionCode = row.VillageCode!, GroupCode = row.GroupCode!, CadreId = row.CadreId!.Value, FromDate = row.From!.Value });
        else
            context.Add(new MemberHouseholdLink { RegionCode = row.VillageCode!, HouseholdId = row.HouseholdId!.Value, ResidentId = row.ResidentId!.Value, FromDate = row.From!.Value });
    }
}
