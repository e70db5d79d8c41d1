namespace Cunzhi.Domain.Common;

/// <summary>
/// Numbers as people type them on a Chinese keyboard. A phone's full-width mode gives <c>１２０．５</c>, an IME
/// may add an ideographic space: these are the same number as <c>120.5</c> and are read as such, never refused.
/// </summary>
public static class NumberText
{
    /// <summary>
    /// Full-width digits, point, signs and separators to their ASCII forms (<see cref="HalfWidth"/>), the ideographic
    /// full stop 。 typed for a point to '.', and surrounding spaces of any width removed. Text that is not a
    /// number stays not a number: only the characters' width changes.
    /// </summary>
    public static string Normalize(string text) =>
        string.IsNullOrEmpty(text) ? text : HalfWidth.Of(text).Replace('。', '.').Trim();
}
