using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace Cunzhi.Web.Infrastructure.Security;

/// <summary>
/// The sign-in redirect repeats the page asked for as <c>ReturnUrl</c>. When that page's query holds an ID number
/// (a link like <c>/Cadres?q=&lt;证件号&gt;</c> opened while signed out), the number would travel on into the login
/// page's URL, the browser history and the access log. Such a query is dropped: the user comes back to the page, not
/// to the search, and types the number into the form (which posts it).
/// </summary>
public static partial class LoginRedirects
{
    /// <summary>The redirect with any ID-number-bearing query removed from its <c>ReturnUrl</c>.</summary>
    public static string WithoutPersonalData(string redirectUri)
    {
        var queryStart = redirectUri.IndexOf('?');
        if (queryStart < 0) return redirectUri;
        var query = QueryHelpers.ParseQuery(redirectUri[queryStart..]);
        if (!query.TryGetValue("ReturnUrl", out var returnUrl) || returnUrl.ToString() is not { Length: > 0 } target) return redirectUri;
        var targetQuery = target.IndexOf('?');
        if (targetQuery < 0 || !IdNumber().IsMatch(Uri.UnescapeDataString(target[targetQuery..]))) return redirectUri;
        var rest = query.Where(p => p.Key != "ReturnUrl").ToDictionary(p => p.Key, p => (string?)p.Value.ToString());
        rest["ReturnUrl"] = target[..targetQuery];
        return QueryHelpers.AddQueryString(redirectUri[..queryStart], rest);
    }

    /// <summary>18 characters of a resident ID (17 digits and a check digit or X), or the old 15-digit form, anywhere in the query.</summary>
    [GeneratedRegex(@"(?<!\d)(\d{17}[\dXx]|\d{15})(?!\d)")]
    private static partial Regex IdNumber();
}
