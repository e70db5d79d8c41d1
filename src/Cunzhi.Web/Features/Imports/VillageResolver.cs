using Cunzhi.Domain.Common;
using System.Text;
using Cunzhi.Data;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Excel;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Imports;

/// <summary>What a 所在村（社区） cell resolved to: a village code, a message, or neither (not in scope; see <see cref="VillageResolver.ExplainAsync"/>).</summary>
public readonly record struct VillageMatch(string? Code, string? Error)
{
    public bool IsUnknown => Code is null && Error is null;
}

/// <summary>
/// Reads the village column of an import the ways people fill it in: the 12-digit code, "乡镇名/村名", or a village
/// name that is unique within the account's scope. The account's towns and villages are loaded once (a county has a
/// few hundred), each distinct cell is resolved once, and what is not in scope is explained afterwards with one
/// query per few hundred values, not per row.
/// </summary>
public sealed class VillageResolver
{
    /// <summary>Shown with every "not found" so the user knows the three accepted forms.</summary>
    public const string Forms = "请填写 12 位区划代码、“乡镇名/村名”，或本辖区内唯一的村名";

    private readonly AppDbContext db;
    private readonly Dictionary<string, Place> villages;
    private readonly ILookup<string, Place> villagesByName;
    private readonly Dictionary<string, string> towns;
    private readonly Dictionary<string, RegionLevel> otherLevels;
    private readonly Dictionary<string, VillageMatch> resolved = [];

    private sealed record Place(string Code, string Name, string TownName);

    private VillageResolver(AppDbContext db, List<(string Code, string Name, RegionLevel Level, string? Parent)> regions)
    {
        this.db = db;
        towns = regions.Where(r => r.Level == RegionLevel.Town).ToDictionary(r => r.Code, r => r.Name);
        villages = regions.Where(r => r.Level == RegionLevel.Village)
            .ToDictionary(r => r.Code, r => new Place(r.Code, r.Name, r.Parent is { } p && towns.TryGetValue(p, out var t) ? t : ""));
        villagesByName = villages.Values.ToLookup(v => Key(v.Name));
        otherLevels = regions.Where(r => r.Level is RegionLevel.County or RegionLevel.Town).ToDictionary(r => r.Code, r => r.Level);
    }

    /// <summary>The account's towns and villages; the data context's scope filter decides which.</summary>
    public static async Task<VillageResolver> LoadAsync(AppDbContext db, CancellationToken ct)
    {
        var regions = await db.Regions.AsNoTracking()
            .Where(r => r.Level == RegionLevel.County || r.Level == RegionLevel.Town || r.Level == RegionLevel.Village)
            .OrderBy(r => r.Code).Select(r => new { r.Code, r.Name, r.Level, r.ParentCode }).ToListAsync(ct);
        return new VillageResolver(db, [.. regions.Select(r => (r.Code, r.Name, r.Level, r.ParentCode))]);
    }

    /// <summary>The village's name as "乡镇/村", for exports that should import again as they are.</summary>
    public string? PathOf(string code) => villages.TryGetValue(code, out var v) ? $"{v.TownName}/{v.Name}" : null;

    /// <summary>
    /// A town in scope named by its 12-digit code or its exact name, for imports that also accept a town (a town-level
    /// reserve pool); null otherwise, and the cell is then read as a village.
    /// </summary>
    public string? TownOf(string text)
    {
        var key = Key(text);
        if (towns.ContainsKey(key))
            return key;
        var named = towns.Where(t => Key(t.Value) == key).Select(t => t.Key).ToList();
        return named.Count == 1 ? named[0] : null;
    }

    /// <summary>The town's name, for exports of town-level records.</summary>
    public string? TownName(string code) => towns.GetValueOrDefault(code);

    /// <summary>Resolves within scope, without touching the database.</summary>
    public VillageMatch Resolve(string text)
    {
        var key = Key(text);
        if (resolved.TryGetValue(key, out var known))
            return known;
        var match = ResolveKey(key);
        resolved[key] = match;
        return match;
    }

    private VillageMatch ResolveKey(string key)
    {
        if (key.Length > 0 && key.All(char.IsAsciiDigit))
        {
            if (key.Length != RegionCodes.VillageDigits)
                return new(null, $"区划代码“{key}”应为 12 位数字；{Forms}");
            if (villages.ContainsKey(key))
                return new(key, null);
            if (otherLevels.TryGetValue(key, out var level))
                return new(null, $"{key} 是{RegionCodes.DisplayName(level)}的代码，请填写村(社区)的 12 位代码");
            return default;
        }
        if (key.Split('/') is { Length: >= 2 } parts)
        {
            var (town, village) = (parts[^2], parts[^1]);
            var inTown = villagesByName[village].Where(v => Key(v.TownName) == town).ToList();
            if (inTown.Count == 1)
                return new(inTown[0].Code, null);
            if (towns.Values.Any(t => Key(t) == town))
                return new(null, $"{town}没有名为“{village}”的村(社区)");
            return default;
        }
        var named = villagesByName[key].ToList();
        return named.Count switch
        {
            1 => new(named[0].Code, null),
            > 1 => new(null, $"本辖区有 {named.Count} 个名为“{key}”的村(社区)，分别在{string.Join("、", named.Select(v => v.TownName).Distinct())}；请写成“乡镇名/村名”或填写 12 位区划代码"),
            _ => default,
        };
    }

    /// <summary>
    /// Why values that <see cref="Resolve"/> could not place are refused: outside the account's scope (within its
    /// county, where region names are public anyway), or not found at all. Keyed by the cell text as given.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> ExplainAsync(IEnumerable<string> texts, CancellationToken ct)
    {
        var keys = texts.Distinct().ToDictionary(t => t, Key);
        var county = db.User.RegionCode is { Length: >= RegionCodes.CountyDigits } own ? RegionCodes.CountyPrefix(own) : "";
        var codes = keys.Values.Where(k => k.All(char.IsAsciiDigit)).ToHashSet();
        var names = keys.Values.Where(k => !k.All(char.IsAsciiDigit)).Select(k => k.Split('/')[^1]).ToHashSet();
        var outside = new List<(string Code, string Name, RegionLevel Level, string? Parent)>();
        // Region names and codes are public statistics; looking past the scope filter only serves a clearer message.
        var countyTowns = await ScopeGateway.PublicRegions(db)
            .Where(r => r.Level == RegionLevel.Town && r.Code.StartsWith(county))
            .ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        foreach (var chunk in codes.Chunk(500))
            outside.AddRange((await ScopeGateway.PublicRegions(db).Where(r => chunk.Contains(r.Code))
                .Select(r => new { r.Code, r.Name, r.Level, r.ParentCode }).ToListAsync(ct)).Select(r => (r.Code, r.Name, r.Level, r.ParentCode)));
        foreach (var chunk in names.Chunk(500))
            outside.AddRange((await ScopeGateway.PublicRegions(db)
                .Where(r => r.Level == RegionLevel.Village && r.Code.StartsWith(county) && chunk.Contains(r.Name))
                .Select(r => new { r.Code, r.Name, r.Level, r.ParentCode }).ToListAsync(ct)).Select(r => (r.Code, r.Name, r.Level, r.ParentCode)));
        string TownOf(string? parent) => parent is not null && countyTowns.TryGetValue(parent, out var t) ? t : "";

        var messages = new Dictionary<string, string>();
        foreach (var (text, key) in keys)
        {
            if (codes.Contains(key))
            {
                var region = outside.FirstOrDefault(r => r.Code == key);
                messages[text] = region.Code is null ? $"区划代码 {key} 不存在；{Forms}"
                    : region.Level != RegionLevel.Village ? $"{key} 是{RegionCodes.DisplayName(region.Level)}的代码，请填写村(社区)的 12 位代码"
                    : $"村(社区) {key}（{TownOf(region.Parent)}{region.Name}）不在您的管辖范围内";
                continue;
            }
            var parts = key.Split('/');
            var matches = outside.Where(r => r.Level == RegionLevel.Village && Key(r.Name) == parts[^1]
                                             && (parts.Length == 1 || Key(TownOf(r.Parent)) == parts[^2])).ToList();
            messages[text] = matches.Count > 0
                ? $"“{key}”不在您的管辖范围内（属于{string.Join("、", matches.Select(m => TownOf(m.Parent)).Distinct())}）"
                : $"未找到“{key}”；{Forms}";
        }
        return messages;
    }

    /// <summary>Full-width characters (／, digits from a Chinese input method) to plain ones, spaces dropped: 三兴镇 / 闹坪村 is 三兴镇/闹坪村.</summary>
    private static string Key(string text)
    {
        var plain = HalfWidth.Of(text).Replace('\\', '/');
        var key = new StringBuilder(plain.Length);
        foreach (var c in plain)
            if (!char.IsWhiteSpace(c))
                key.Append(c);
        return key.ToString();
    }
}
