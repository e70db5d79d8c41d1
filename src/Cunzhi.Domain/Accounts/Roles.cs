using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Accounts;

/// <summary>The roles of SPEC.md and the region level each account of that role is bound to.</summary>
public static class Roles
{
    /// <summary>县委组织部 — whole county.</summary>
    public const string CountyAdmin = nameof(CountyAdmin);
    /// <summary>减负协调小组办公室 — whole county, admission decisions.</summary>
    public const string CoordinationOffice = nameof(CoordinationOffice);
    /// <summary>县直部门 — its own task requests.</summary>
    public const string Department = nameof(Department);
    /// <summary>乡镇组织委员 — one town.</summary>
    public const string TownAdmin = nameof(TownAdmin);
    /// <summary>村"两委"成员 — one village.</summary>
    public const string VillageCadre = nameof(VillageCadre);
    /// <summary>纪委监委 — county or town.</summary>
    public const string DisciplineInspector = nameof(DisciplineInspector);
    /// <summary>
    /// 省级统计查看 — a province office (issue #19) bound to a province: reads the matter and visit statistics of every
    /// county of it and nothing else. Created by the <c>create-admin --role</c> verb, never granted by a county.
    /// </summary>
    public const string ProvinceViewer = nameof(ProvinceViewer);

    /// <summary>Every role an account may hold (Resident needs no account).</summary>
    public static IReadOnlyList<string> All { get; } =
        [CountyAdmin, CoordinationOffice, Department, TownAdmin, VillageCadre, DisciplineInspector, ProvinceViewer];

    /// <summary>Chinese name of a role.</summary>
    public static string DisplayName(string role) => role switch
    {
        CountyAdmin => "县委组织部",
        CoordinationOffice => "减负协调办",
        Department => "县直部门",
        TownAdmin => "乡镇组织委员",
        VillageCadre => "村干部",
        DisciplineInspector => "纪检监察",
        ProvinceViewer => "省级统计查看",
        _ => role,
    };

    /// <summary>The region levels an account of <paramref name="role"/> may be bound to.</summary>
    public static IReadOnlyList<RegionLevel> AllowedLevels(string role) => role switch
    {
        CountyAdmin or CoordinationOffice or Department => [RegionLevel.County],
        TownAdmin => [RegionLevel.Town],
        VillageCadre => [RegionLevel.Village],
        DisciplineInspector => [RegionLevel.County, RegionLevel.Town],
        ProvinceViewer => [RegionLevel.Province],
        _ => [],
    };

    /// <summary>Why an account of <paramref name="role"/> cannot be bound to a region of <paramref name="level"/>, or null when it can.</summary>
    public static string? BindingError(string role, RegionLevel? level)
    {
        if (!All.Contains(role)) return $"未知角色：{role}";
        if (level is null) return "区划代码无效";
        var allowed = AllowedLevels(role);
        return allowed.Contains(level.Value)
            ? null
            : $"{DisplayName(role)}账号只能绑定到{string.Join("或", allowed.Select(RegionCodes.DisplayName))}";
    }

    /// <summary>
    /// Which roles an administrator may grant and manage: a county admin every role within the county,
    /// a town admin the village cadres of its town. Nobody else manages accounts; a province account is made only by the
    /// command line (a county cannot reach above itself).
    /// </summary>
    public static IReadOnlyList<string> Grantable(IEnumerable<string> actorRoles)
    {
        var roles = actorRoles.ToHashSet();
        if (roles.Contains(CountyAdmin)) return All.Where(r => r != ProvinceViewer).ToList();
        if (roles.Contains(TownAdmin)) return [VillageCadre];
        return [];
    }
}
