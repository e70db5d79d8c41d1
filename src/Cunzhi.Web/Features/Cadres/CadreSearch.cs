using System.Text.RegularExpressions;
using Cunzhi.Domain.Cadres;

namespace Cunzhi.Web.Features.Cadres;

/// <summary>
/// Searching the registry by a full ID number without putting the number in a URL: URLs are written to access logs,
/// proxies and browser history. The page's search form posts (with antiforgery) and answers the search in the POST
/// response; the API has <c>POST /api/v1/cadres/search</c> and <c>POST /api/v1/cadres/export</c>. A GET whose <c>q</c>
/// looks like an ID number (valid or not) is refused with 400 and never searched.
/// </summary>
public static partial class CadreSearch
{
    public const string UsePostMessage = "身份证号不能放在网址中（网址会写入访问日志）：请用 POST 查询——页面上的搜索框，或 POST /api/v1/cadres/search、POST /api/v1/cadres/export";

    /// <summary>18 characters (17 digits and a digit or X) or an old 15-digit number, spaces around ignored.</summary>
    public static bool LooksLikeNationalId(string? q) => q is not null && IdShape().IsMatch(q.Trim());

    [GeneratedRegex(@"^(\d{17}[\dXx]|\d{15})$")]
    private static partial Regex IdShape();
}

/// <summary>Body of <c>POST /api/v1/cadres/search</c>: the list's filters, with <c>q</c> a name or a full ID number.</summary>
public sealed record CadreSearchRequest(string? Region, CadreStatus? Status, string? Post, string? Q, int? Page, int? PageSize);

/// <summary>Body of <c>POST /api/v1/cadres/export</c>: the list's filters and 包含完整证件号.</summary>
public sealed record CadreExportRequest(string? Region, CadreStatus? Status, string? Post, string? Q, bool? Full);
