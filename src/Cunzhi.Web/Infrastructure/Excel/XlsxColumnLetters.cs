namespace Cunzhi.Web.Infrastructure.Excel;

/// <summary>Excel column letters ("A", "Z", "AA") to and from 0-based column indexes.</summary>
public static class XlsxColumnLetters
{
    /// <summary>Excel's last column is XFD.</summary>
    public const int MaxColumns = 16384;

    public static string ToLetters(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, MaxColumns);
        Span<char> buffer = stackalloc char[3];
        var at = buffer.Length;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
            buffer[--at] = (char)('A' + (n - 1) % 26);
        return new string(buffer[at..]);
    }

    /// <summary>Index of the column in a letter run or a cell reference ("C", "C12", "c12"); -1 when it does not start with letters or is past XFD.</summary>
    public static int ToIndex(ReadOnlySpan<char> reference)
    {
        var n = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            var upper = (char)(c & ~0x20);
            if (upper is < 'A' or > 'Z')
                break;
            n = n * 26 + (upper - 'A' + 1);
            if (++letters > 3)
                return -1;
        }
        return letters == 0 || n > MaxColumns ? -1 : n - 1;
    }
}
