namespace Cunzhi.Domain.Common;

/// <summary>A normalised page request: page numbers start at 1, sizes are capped so no list is unbounded.</summary>
public readonly record struct PageRequest
{
    /// <summary>Largest page size any list serves.</summary>
    public const int MaxSize = 200;
    /// <summary>Page size when none is asked for.</summary>
    public const int DefaultSize = 20;
    /// <summary>Highest page number: beyond it (page - 1) × size would overflow the row offset (PostgreSQL refuses a negative OFFSET).</summary>
    public const int MaxPage = 1_000_000;

    /// <summary>Creates a page request, clamping out-of-range input to the nearest sensible value.</summary>
    public PageRequest(int? page, int? size)
    {
        Page = page switch { null or < 1 => 1, > MaxPage => MaxPage, _ => page.Value };
        Size = size switch { null or < 1 => DefaultSize, > MaxSize => MaxSize, _ => size.Value };
    }

    /// <summary>1-based page number.</summary>
    public int Page { get; }
    /// <summary>Rows per page.</summary>
    public int Size { get; }
    /// <summary>Rows to skip.</summary>
    public int Skip => (Page - 1) * Size;

    /// <summary>Number of pages for <paramref name="total"/> rows (at least 1).</summary>
    public int PageCount(long total) => total <= 0 ? 1 : (int)((total + Size - 1) / Size);
}
