namespace Cunzhi.Web.Features;

/// <summary>What the shared pager partial shows.</summary>
public sealed record PagerModel(long Total, int Page, int PageCount)
{
    public static PagerModel Of<T>(Paged<T> page) => new(page.Total, page.Page, page.PageCount);
}
