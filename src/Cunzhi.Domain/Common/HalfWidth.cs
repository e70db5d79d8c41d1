namespace Cunzhi.Domain.Common;

/// <summary>
/// Full-width ASCII (what a Chinese input method produces: "２０２４／３／１", "１２０．５", "（"), the ideographic space
/// and the no-break space to their plain forms, so parsing and matching see what the user meant. Only these characters
/// change: other compatibility forms (superscripts, circled digits) stay as they are.
/// </summary>
public static class HalfWidth
{
    /// <summary><paramref name="text"/> with its full-width ASCII and wide spaces made plain; the same string when it has none.</summary>
    public static string Of(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\uFF01', '\uFF5E') && !text.Contains('\u3000') && !text.Contains('\u00A0'))
            return text;
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c switch
                {
                    >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                    '\u3000' or '\u00A0' => ' ',
                    _ => c,
                };
            }
        });
    }
}
