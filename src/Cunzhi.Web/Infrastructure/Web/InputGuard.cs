using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace Cunzhi.Web.Infrastructure.Web;

/// <summary>
/// Input the request got wrong (a field out of range, a malformed value): answered 400 with the field and a Chinese
/// message, on the API as a ValidationProblem and on pages as the 请求有误 page. Thrown where a handler builds dates
/// from input, so the same guard serves the page and the API.
/// </summary>
public sealed class BadInputException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>
/// The one range every year, month, week and period taken from input must fall in before a date is built from it
/// (new DateOnly(99999, …) or AddMonths past year 9999 throws, and a 500 is never the answer to input).
/// </summary>
public static class InputRange
{
    public const int MinYear = 2000, MaxYear = 2100;

    public static string YearMessage => $"年份须在 {MinYear} 至 {MaxYear} 之间";

    public static int Year(int year, string field = "year") =>
        year is >= MinYear and <= MaxYear ? year : throw new BadInputException(field, YearMessage);

    /// <summary>A month (any day of it) taken from input.</summary>
    public static DateOnly Month(DateOnly month, string field = "month") =>
        month.Year is >= MinYear and <= MaxYear ? month : throw new BadInputException(field, $"月份须在 {MinYear}-01 至 {MaxYear}-12 之间");

    /// <summary>A day (a week's any day, a filter bound) taken from input.</summary>
    public static DateOnly Date(DateOnly date, string field) =>
        date.Year is >= MinYear and <= MaxYear ? date : throw new BadInputException(field, $"日期须在 {MinYear}-01-01 至 {MaxYear}-12-31 之间");

    public static DateOnly? Date(DateOnly? date, string field) => date is { } d ? Date(d, field) : null;

    /// <summary>Month 1–12 or quarter 1–4 of a year.</summary>
    public static int Period(int period, int max, string field = "period") =>
        period >= 1 && period <= max ? period : throw new BadInputException(field, max == 12 ? "月份须在 1 至 12 之间" : $"季度须在 1 至 {max} 之间");
}

/// <summary>Text no user types: C0 and C1 controls other than tab and line breaks, and the bidi embedding/override/isolate marks that make a name display reversed (U+202E).</summary>
public static class InputText
{
    public const string Message = "含有不允许的控制字符或文字方向控制符，请删除后重试";

    public static bool IsForbidden(char c) =>
        (char.IsControl(c) && c is not ('\t' or '\r' or '\n')) || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069';

    public static bool HasForbidden(string? s)
    {
        if (s is null) return false;
        foreach (var c in s)
            if (IsForbidden(c)) return true;
        return false;
    }
}

/// <summary>
/// Checks every object the API deserializes from a request body, after it is read: strings free of control and bidi
/// characters, enum values defined (the converter accepts any number), no null element in a list. A refusal is a
/// <see cref="InputRejectedException"/>, which the binder reports as a bad body and the exception handler answers 400
/// with this message. A contract modifier, so the OpenAPI schemas stay those of the types.
/// </summary>
public static class JsonInputGuard
{
    public static void Modify(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || info.Properties.Count == 0) return;
        var properties = info.Properties.Where(p => p.Get is not null && Checked(p.PropertyType)).ToArray();
        if (properties.Length == 0) return;
        var previous = info.OnDeserialized;
        info.OnDeserialized = obj =>
        {
            previous?.Invoke(obj);
            foreach (var p in properties) Check(p.Name, p.PropertyType, p.Get!(obj));
        };
    }

    private static bool Checked(Type t)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        return t == typeof(string) || t.IsEnum || (t != typeof(string) && typeof(IEnumerable).IsAssignableFrom(t) && !IsDictionary(t));
    }

    private static bool IsDictionary(Type t) => typeof(IDictionary).IsAssignableFrom(t)
        || t.GetInterfaces().Append(t).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() is var d && (d == typeof(IDictionary<,>) || d == typeof(IReadOnlyDictionary<,>)));

    private static void Check(string name, Type declared, object? value)
    {
        switch (value)
        {
            case null:
                return;
            case string s when InputText.HasForbidden(s):
                throw new InputRejectedException(name, $"字段 {name} {InputText.Message}");
            // Zero is what an absent field reads as: left to the command's validator, which names the choice to make
            // (请选择人员类别) instead of calling a field the client never sent invalid.
            case Enum e when !e.GetType().IsDefined(typeof(FlagsAttribute), false) && !Enum.IsDefined(e.GetType(), e) && Convert.ToInt64(e) != 0:
                throw new InputRejectedException(name, $"字段 {name} 的取值无效，可选：{string.Join("、", Enum.GetNames(e.GetType()))}");
            case IEnumerable list and not string when !IsDictionary(declared):
                var element = ElementType(declared);
                var nullable = element is not null && Nullable.GetUnderlyingType(element) is not null;
                var i = 0;
                foreach (var item in list)
                {
                    i++;
                    if (item is null)
                    {
                        if (nullable) continue;
                        throw new InputRejectedException(name, $"字段 {name} 的第 {i} 项为空（null），请删除或填写该项");
                    }
                    if (item is string or Enum) Check($"{name}[{i}]", item.GetType(), item);
                }
                return;
        }
    }

    private static Type? ElementType(Type t) =>
        t.IsArray ? t.GetElementType()
        : t.GetInterfaces().Append(t).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
}

/// <summary>A request body refused by <see cref="JsonInputGuard"/>; the message is the Chinese answer.</summary>
public sealed class InputRejectedException(string field, string message) : JsonException(message)
{
    public string Field { get; } = field;
}

/// <summary>Chinese detail for the framework's binding failures (its own messages are English and are never echoed).</summary>
public static partial class BadRequestDetail
{
    [GeneratedRegex("""parameter "[^"]*?(\w+)"(?: from "[^"]*")?""")]
    private static partial Regex ParameterName();

    /// <summary>The detail of a bodiless 413/415 answer (the framework sets 415 itself when a JSON route gets another type).</summary>
    public static string? ForStatus(int status, HttpContext http)
    {
        if (status == StatusCodes.Status415UnsupportedMediaType)
        {
            var expected = http.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes.FirstOrDefault();
            return $"不支持此内容类型（Content-Type）：请以 {expected ?? "application/json"} 提交";
        }
        return status == StatusCodes.Status413PayloadTooLarge ? "请求内容过大" : null;
    }

    public static (int Status, string Detail, string? Field) Of(BadHttpRequestException e, HttpRequest request)
    {
        var status = e.StatusCode is >= 400 and < 500 ? e.StatusCode : StatusCodes.Status400BadRequest;
        if (status != StatusCodes.Status400BadRequest) return (status, ForStatus(status, request.HttpContext) ?? WebSetup.StatusTitle(status), null);
        var name = ParameterName().Match(e.Message) is { Success: true } m ? m.Groups[1].Value : null;
        switch (e.InnerException)
        {
            case InputRejectedException r:
                return (status, r.Message, r.Field);
            case JsonException j:
                return (status, "请求体不是有效的 JSON，或字段类型与接口说明不符" + (string.IsNullOrEmpty(j.Path) || j.Path == "$" ? "" : $"（位置 {j.Path}）"), null);
            case InvalidDataException or IOException:
                return (status, "表单数据格式有误，请重新上传", null);
        }
        if (e.Message.Contains("as form", StringComparison.Ordinal)) return (status, "表单数据格式有误，请重新上传", null);
        if (e.Message.Contains("body", StringComparison.OrdinalIgnoreCase)) return (status, "缺少请求体：请以 JSON 提交", null);
        if (e.Message.StartsWith("Required parameter", StringComparison.Ordinal) && name is not null) return (status, $"缺少必填参数 {name}", name);
        if (name is not null) return (status, $"参数 {name} 的值无效", name);
        return (status, "请求格式有误", null);
    }
}

/// <summary>
/// Query and route values with control or bidi characters are refused before any handler runs (PostgreSQL refuses a NUL
/// in a parameter with an error, and no search needs one): the API answers a 400 ValidationProblem naming the parameter.
/// </summary>
public sealed class QueryTextFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        QueryText.Forbidden(context.HttpContext) is { } name
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { [name] = [$"参数 {name} {InputText.Message}"] },
                title: "提交的数据有误", detail: $"参数 {name} {InputText.Message}")
            : await next(context);
}

/// <summary>The page side of <see cref="QueryTextFilter"/>: the 请求有误 page (400).</summary>
public sealed class QueryTextPageFilter : Microsoft.AspNetCore.Mvc.Filters.IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context,
        Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        if (QueryText.Forbidden(context.HttpContext) is not null)
        {
            context.Result = new Microsoft.AspNetCore.Mvc.BadRequestResult();
            return;
        }
        await next();
    }
}

internal static class QueryText
{
    /// <summary>The name of the first query or route value holding a forbidden character, or null.</summary>
    public static string? Forbidden(HttpContext http)
    {
        foreach (var (key, values) in http.Request.Query)
            foreach (var v in values)
                if (InputText.HasForbidden(v) || InputText.HasForbidden(key)) return InputText.HasForbidden(key) ? "query" : key;
        foreach (var (key, value) in http.Request.RouteValues)
            if (value is string s && InputText.HasForbidden(s)) return key;
        return null;
    }
}
