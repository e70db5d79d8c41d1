using System.Linq.Expressions;

namespace Cunzhi.Data;

/// <summary>
/// A region-code prefix as a range of codes, so that "starts with" can seek an index. Region codes are digits, so
/// every code that starts with <c>p</c> lies in <c>[p, UpperBound(p))</c> in byte order and in any collation that
/// orders digits as digits. Queries keep the prefix test as well (<see cref="Within"/>): the range only narrows what
/// the database reads and can never widen a scope.
/// </summary>
public static class RegionScopeRange
{
    /// <summary>
    /// The smallest string above every code that starts with <paramref name="prefix"/>: the prefix up to its last
    /// character other than '9', that character raised by one ("360922106" gives "360922107", "360922109" gives
    /// "36092211": a digit, never ':', so the bound holds in any collation that orders digits). For an empty prefix, or
    /// one of nines only, "A", which is above every digit string.
    /// </summary>
    public static string UpperBound(string prefix)
    {
        for (var i = prefix.Length - 1; i >= 0; i--)
            if (prefix[i] is not ('9' or char.MaxValue))
                return string.Concat(prefix.AsSpan(0, i), ((char)(prefix[i] + 1)).ToString());
        return "A";
    }

    private static readonly System.Reflection.MethodInfo StartsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
    private static readonly System.Reflection.MethodInfo Compare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    /// <summary>
    /// <c>code.StartsWith(prefix) &amp;&amp; string.Compare(code, prefix) &gt;= 0 &amp;&amp; string.Compare(code, upper) &lt; 0</c>:
    /// EF translates it to <c>LIKE prefix% AND code &gt;= prefix AND code &lt; upper</c>.
    /// </summary>
    public static Expression Within(Expression code, Expression prefix, Expression upper) =>
        Expression.AndAlso(Expression.Call(code, StartsWith, prefix),
            Expression.AndAlso(
                Expression.GreaterThanOrEqual(Expression.Call(Compare, code, prefix), Expression.Constant(0)),
                Expression.LessThan(Expression.Call(Compare, code, upper), Expression.Constant(0))));

    /// <summary>Rows of <paramref name="query"/> whose code starts with <paramref name="prefix"/>, as an index-friendly range.</summary>
    public static IQueryable<T> WhereCodeStartsWith<T>(this IQueryable<T> query, Expression<Func<T, string>> code, string prefix)
    {
        var upper = UpperBound(prefix);
        // Closures, not constants: EF sends them as parameters and caches one plan for every prefix.
        var bounds = new Bounds(prefix, upper);
        var body = Within(code.Body, Expression.Property(Expression.Constant(bounds), nameof(Bounds.Prefix)), Expression.Property(Expression.Constant(bounds), nameof(Bounds.Upper)));
        return query.Where(Expression.Lambda<Func<T, bool>>(body, code.Parameters));
    }

    private sealed record Bounds(string Prefix, string Upper);
}
