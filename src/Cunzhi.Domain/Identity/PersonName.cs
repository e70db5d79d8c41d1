namespace Cunzhi.Domain.Identity;

/// <summary>Personal names as shown to the public (the village points board): 张三华 → 张*华.</summary>
public static class PersonName
{
    /// <summary>
    /// Keeps the first and the last character and stars the rest (张三华 → 张*华, 欧阳娜娜 → 欧**娜); a two-character name
    /// keeps its family name (张三 → 张*), a single character is starred, so no name is ever shown whole.
    /// </summary>
    public static string Mask(string? name)
    {
        var text = name?.Trim() ?? "";
        return text.Length switch
        {
            0 => "",
            1 => "*",
            2 => string.Concat(text.AsSpan(0, 1), "*"),
            _ => Masking.KeepEnds(text, 1, 1),
        };
    }
}
