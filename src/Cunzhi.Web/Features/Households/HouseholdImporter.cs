using Cunzhi.Data;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Imports;
using Cunzhi.Web.Features.Regions;
using Cunzhi.Web.Infrastructure.Excel;
using Cunzhi.Web.Infrastructure.Jobs;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Households;

/// <summary>One row of a household import as read; group and grid are placed once the village is known.</summary>
public sealed class HouseholdImportRow
{
    public required int Row { get; init; }
    public string? Number { get; init; }
    public string? HeadName { get; init; }
    public string? VillageText { get; init; }
    public string? VillageCode { get; init; }
    public string? GroupText { get; init; }
    public string? GridText { get; init; }
    public string? Address { get; init; }
    public string? GroupCode { get; set; }
    public string? GridCode { get; set; }
}

/// <summary>
/// 农户批量导入. Each row passes the rules of creating one household (<see cref="CreateHouseholdValidator"/>); then
/// villager group and grid must belong to the row's village, and 户号 must be new in its village, in the file and in
/// the register (looked up per village, a thousand numbers at a time).
/// </summary>
public sealed class HouseholdImporter(AppDbContext db, IValidator<CreateHousehold> validator) : IImporter<HouseholdImportRow>
{
    public const string Kind = "households";
    public const string Title = "农户";

    public const string Number = "户号*";
    public const string HeadName = "户主*";
    public const string Village = "所在村（社区）*";
    public const string Group = "村民小组";
    public const string Grid = "网格";
    public const string Address = "地址";

    public static IReadOnlyList<XlsxImportColumn> Columns { get; } =
    [
        new(Number) { Format = "文本，不超过 20 个字符", Note = "在本村内唯一", Example = "0001" },
        new(HeadName) { Aliases = ["户主姓名"], Note = "不超过 30 个字", Example = "钟德福" },
        new(Village)
        {
            Aliases = ["所在村", "村（社区）", "村名"], Format = "12 位区划代码、“乡镇名/村名”或本辖区内唯一的村名", Example = "三兴镇/闹坪村", Width = 18,
            Note = "只能填写本账号管辖范围内的村（社区）",
        },
        new(Group, Required: false) { Format = "村民小组名称或 15 位代码", Note = "须属于所在村", Example = "第一村民小组", Width = 14 },
        new(Grid, Required: false) { Format = "网格名称或 15 位代码", Note = "须属于所在村", Example = "第一网格", Width = 12 },
        new(Address, Required: false) { Aliases = ["住址", "家庭住址"], Note = "不超过 100 个字", Width = 30 },
    ];

    private static readonly Dictionary<string, string> ColumnOf = new()
    {
        [nameof(CreateHousehold.Number)] = Number,
        [nameof(CreateHousehold.HeadName)] = HeadName,
        [nameof(CreateHousehold.Address)] = Address,
    };

    private VillageResolver villages = null!;

    public async Task PrepareAsync(CancellationToken ct) => villages = await VillageResolver.LoadAsync(db, ct);

    public HouseholdImportRow? Parse(XlsxRecord r)
    {
        var number = r.Text(Number);
        var head = r.Text(HeadName);
        var villageText = r.Text(Village);
        var group = r.Text(Group);
        var grid = r.Text(Grid);
        var address = r.Text(Address);
        string? villageCode = null;
        if (villageText is not null)
        {
            var match = villages.Resolve(villageText);
            if (match.Error is { } error)
                r.AddError(Village, error);
            villageCode = match.Code;
        }
        var reported = new HashSet<string>();
        if (number is null) reported.Add(nameof(CreateHousehold.Number));
        if (head is null) reported.Add(nameof(CreateHousehold.HeadName));
        foreach (var failure in validator.Validate(new CreateHousehold(number ?? "", head ?? "", address, null, null)).Errors)
            if (!reported.Contains(failure.PropertyName) && ColumnOf.TryGetValue(failure.PropertyName, out var column))
                r.AddError(column, failure.ErrorMessage);
        return new HouseholdImportRow
        {
            Row = r.Row, Number = number, HeadName = head, VillageText = villageText, VillageCode = villageCode, GroupText = group, GridText = grid,
            Address = address,
        };
    }

    public async Task CheckAsync(IReadOnlyList<HouseholdImportRow> rows, CellErrors errors, CancellationToken ct)
    {
        var unknown = rows.Where(r => r.VillageText is not null && villages.Resolve(r.VillageText).IsUnknown).ToList();
        if (unknown.Count > 0)
        {
            var why = await villages.ExplainAsync(unknown.Select(r => r.VillageText!), ct);
            foreach (var row in unknown)
                errors.Add(row.Row, Village, why[row.VillageText!]);
        }

        var placed = rows.Where(r => r.VillageCode is not null).ToList();
        await PlaceAsync(placed, errors, ct);

        foreach (var same in placed.Where(r => r.Number is not null).GroupBy(r => (r.VillageCode, r.Number)).Where(g => g.Count() > 1))
            foreach (var row in same)
                errors.Add(row.Row, Number, $"与第 {string.Join("、", same.Where(o => o != row).Select(o => o.Row))} 行的户号重复（同一村内户号不能相同）");

        foreach (var village in placed.Where(r => r.Number is not null).GroupBy(r => r.VillageCode!))
        {
            var taken = new HashSet<string>();
            foreach (var chunk in village.Select(r => r.Number!).Distinct().Chunk(1000))
                taken.UnionWith(await db.Households.AsNoTracking().Where(h => h.RegionCode == village.Key && chunk.Contains(h.Number))
                    .Select(h => h.Number).ToListAsync(ct));
            foreach (var row in village.Where(r => taken.Contains(r.Number!)))
                errors.Add(row.Row, Number, $"户号 {row.Number} 在{villages.PathOf(village.Key)}已存在");
        }
    }

    /// <summary>Villager group and grid by name or code, among those of the row's own village.</summary>
    private async Task PlaceAsync(List<HouseholdImportRow> rows, CellErrors errors, CancellationToken ct)
    {
        var needed = rows.Where(r => r.GroupText is not null || r.GridText is not null).Select(r => r.VillageCode!).Distinct().ToList();
        if (needed.Count == 0)
            return;
        var parts = new List<(string Code, string Name, RegionLevel Level, string Parent)>();
        foreach (var chunk in needed.Chunk(500))
            parts.AddRange((await db.Regions.AsNoTracking()
                    .Where(r => (r.Level == RegionLevel.VillagerGroup || r.Level == RegionLevel.Grid) && chunk.Contains(r.ParentCode!))
                    .Select(r => new { r.Code, r.Name, r.Level, r.ParentCode }).ToListAsync(ct))
                .Select(r => (r.Code, r.Name, r.Level, r.ParentCode!)));
        var byVillage = parts.ToLookup(p => (p.Parent, p.Level));
        foreach (var row in rows)
        {
            row.GroupCode = Find(row, row.GroupText, Group, RegionLevel.VillagerGroup);
            row.GridCode = Find(row, row.GridText, Grid, RegionLevel.Grid);
        }

        string? Find(HouseholdImportRow row, string? text, string column, RegionLevel level)
        {
            if (text is null)
                return null;
            var candidates = byVillage[(row.VillageCode!, level)].ToList();
            var what = RegionCodes.DisplayName(level);
            var matches = candidates.Where(c => c.Code == text || c.Name == text).ToList();
            if (matches.Count == 1)
                return matches[0].Code;
            var village = villages.PathOf(row.VillageCode!);
            errors.Add(row.Row, column, matches.Count > 1
                ? $"{village}有 {matches.Count} 个名为“{text}”的{what}，请填写 15 位代码"
                : candidates.Count == 0
                    ? $"{village}还没有设立{what}，请先在区划中新建，或不填此列"
                    : $"{village}没有“{text}”这个{what}；可填写：{string.Join("、", candidates.Select(c => c.Name).Take(20))}");
            return null;
        }
    }

    public void Add(AppDbContext context, HouseholdImportRow row) => context.Households.Add(new Household
    {
        RegionCode = row.VillageCode!, Number = row.Number!, HeadName = row.HeadName!, Address = row.Address ?? "", GroupCode = row.GroupCode,
        GridCode = row.GridCode,
    });
}
