namespace Cunzhi.Domain.Identity;

/// <summary>Shared masking of personal numbers for display.</summary>
internal static class Masking
{
    /// <summary>
    /// Keeps <paramref name="head"/> leading and <paramref name="tail"/> trailing characters and
    /// stars the rest. A text too short to hide anything between the ends is starred entirely,
    /// so a malformed stored value never shows in full.
    /// </summary>
    public static string KeepEnds(string? text, int head, int tail)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (text.Length <= head + tail) return new string('*', text.Length);
        return string.Concat(text.AsSpan(0, head), new string('*', text.Length - head - tail), text.AsSpan(text.Length - tail));
    }
}
