using System.Globalization;
using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Common;
using Cunzhi.Web.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;

namespace Cunzhi.Web.Infrastructure.Web;

/// <summary>Pages, localisation, errors as ProblemDetails, OpenAPI, health.</summary>
public static class WebSetup
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static WebApplicationBuilder AddCunzhiWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.AuthorizeFolder("/");
                o.Conventions.AllowAnonymousToPage("/Account/Login");
                o.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
                o.Conventions.AllowAnonymousToPage("/Error");
                o.Conventions.AllowAnonymousToPage("/Account/LoginWith2fa");
            })
            .AddMvcOptions(o =>
            {
                o.Filters.Add<RequireTwoFactorSetupFilter>();
                o.Filters.Add<QueryTextPageFilter>();
                o.ModelBinderProviders.Insert(0, new FullWidthNumberBinderProvider());
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // Only an explicit choice (cookie or ?culture=) switches language: a browser's English header does not.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            var status = c.ProblemDetails.Status ?? 500;
            // Replace the framework's English reason phrase; keep titles our handlers chose.
            if (c.ProblemDetails.Title is null || c.ProblemDetails.Title == Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status)
                || c.ProblemDetails.Title == "One or more validation errors occurred.")
                c.ProblemDetails.Title = StatusTitle(status);
            c.ProblemDetails.Detail ??= BadRequestDetail.ForStatus(status, c.HttpContext);
            c.ProblemDetails.Extensions.Remove("traceId");
        });
        services.AddExceptionHandler<CunzhiExceptionHandler>();
        services.AddCunzhiSecurityHeaders(builder.Configuration);
        // Chinese text as characters, not &#x...; escapes: readable source, smaller pages.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            // Bodies are checked once read: no control/bidi characters, no undefined enum value, no null list element.
            o.SerializerOptions.TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.WithAddedModifier(
                o.SerializerOptions.TypeInfoResolver ?? new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(), JsonInputGuard.Modify);
        });
        // Binding failures throw in every environment (the default throws only in Development and answers a bare 400
        // elsewhere), so CunzhiExceptionHandler gives each the same status and a Chinese detail.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        // Stateless nodes: the key ring (cookie and antiforgery keys) lives in the database, so a sign-in on one node holds on
        // every other and survives restarts; each key's secret is encrypted with a key derived from PersonalData:Key.
        services.AddDataProtection().SetApplicationName("Cunzhi").PersistKeysToDbContext<AppDbContext>();
        services.AddOptions<KeyManagementOptions>().Configure<PersonalDataProtector>((o, protector) => o.XmlEncryptor = new KeyRingXmlEncryptor(protector));
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "村治 Cunzhi API";
            doc.Info.Description = "先以 POST /api/v1/auth/token 取得令牌，再在请求头中带上 Authorization: Bearer <令牌>。错误以 RFC 7807 ProblemDetails 返回。";
            doc.Components ??= new OpenApiComponents();
            doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            doc.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "bearer", Description = "登录接口返回的 accessToken" };
            doc.Security ??= [];
            doc.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", doc)] = [] });
            return Task.CompletedTask;
        }));
        return builder;
    }

    public static WebApplication UseCunzhiWeb(this WebApplication app)
    {
        app.UseCunzhiSecurityHeaders();
        // Bodiless error statuses: ProblemDetails for the API, the Chinese error page for pages.
        app.UseWhen(c => c.Request.IsApi(), api => api.UseStatusCodePages());
        app.UseWhen(c => !c.Request.IsApi(), pages => pages.UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
        app.UseExceptionHandler();
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseProvinceAccountGate();
        // After authentication: the public portal's cached pages are served to anonymous visitors only (PublicDisclosureCache).
        app.UseOutputCache();
        app.UseAntiforgery();
        app.MapRazorPages();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "api-docs";
            o.SwaggerEndpoint("/openapi/v1.json", "村治 API v1");
            o.DocumentTitle = "村治 API 文档";
        });
        app.MapGet("/health", async (AppDbContext db, CancellationToken ct) =>
                await db.Database.CanConnectAsync(ct)
                    ? Results.Ok(new { status = "healthy", provider = db.Database.ProviderName })
                    : Results.Problem(statusCode: 503, title: "数据库无响应"))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    public static string StatusTitle(int status) => status switch
    {
        400 => "请求有误",
        401 => "请先登录",
        403 => "无权访问",
        404 => "未找到",
        405 => "不支持此请求方法",
        406 => "无法提供所要求的格式",
        408 => "请求超时",
        409 => "与当前状态冲突",
        411 => "缺少请求长度",
        413 => "请求内容过大",
        414 => "请求网址过长",
        415 => "不支持的内容类型",
        422 => "数据无法处理",
        429 => "请求过于频繁",
        431 => "请求头过大",
        503 => "服务暂不可用",
        >= 400 and < 500 => "请求有误",
        _ => "服务器内部错误",
    };

    public static bool IsApi(this HttpRequest request) => request.Path.StartsWithSegments("/api");
}

/// <summary>Maps known exceptions to status codes: ProblemDetails for the API, the error page for pages.</summary>
public sealed class CunzhiExceptionHandler(IProblemDetailsService problems, ILogger<CunzhiExceptionHandler> log) : IExceptionHandler
{
    public const string BusyMessage = "系统繁忙，本次操作未保存，请稍后重试";

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var binding = exception is BadHttpRequestException b ? BadRequestDetail.Of(b, http.Request) : default;
        var field = exception switch { BadInputException e => e.Field, BadHttpRequestException => binding.Field, _ => null };
        var (status, detail) = exception switch
        {
            RegionScopeViolationException e => (StatusCodes.Status403Forbidden, e.Message),
            RuleException e => (StatusCodes.Status409Conflict, e.Message),
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "数据已被他人修改，请刷新后重试"),
            // Binding failures (bad JSON, no body, a query value of the wrong type, the wrong content type): the
            // framework's status, our Chinese detail.
            BadHttpRequestException => (binding.Status, binding.Detail),
            BadInputException e => (StatusCodes.Status400BadRequest, e.Message),
            // A multipart body cut short or without a boundary, read by an endpoint itself.
            InvalidDataException or IOException when http.Request.HasFormContentType => (StatusCodes.Status400BadRequest, "表单数据格式有误，请重新上传"),
            // The database too busy to answer in time (a lock not granted, a deadlock): nothing was written; try again.
            _ when Cunzhi.Data.DbErrors.IsBusy(exception) => (StatusCodes.Status503ServiceUnavailable, BusyMessage),
            _ => (StatusCodes.Status500InternalServerError, "服务器发生错误，已记录，请稍后再试"),
        };
        // A handled exception is not logged by the framework: the 500 answer says "已记录", so record it here.
        if (status == StatusCodes.Status500InternalServerError)
            log.LogError(exception, "{Method} {Path} 服务器错误", http.Request.Method, http.Request.Path);
        else if (status == StatusCodes.Status503ServiceUnavailable)
            log.LogWarning("{Method} {Path} 数据库繁忙，已答 503：{Error}", http.Request.Method, http.Request.Path, exception.GetBaseException().Message);
        http.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable) http.Response.Headers.RetryAfter = "5";
        // Pages: leave the body empty; the status-code page middleware renders /Error for this status.
        if (!http.Request.IsApi()) return true;
        var problem = field is null
            ? new ProblemDetails { Status = status, Title = WebSetup.StatusTitle(status), Detail = detail }
            : new ValidationProblemDetails(new Dictionary<string, string[]> { [System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(field)] = [detail] })
                { Status = status, Title = "提交的数据有误", Detail = detail };
        // A rule refusal lists every problem as well as the joined detail, so a client can show each beside its field.
        if (exception is RuleException rule)
            problem.Extensions["errors"] = rule.Problems
                .Select(p => new RuleError(p.Code, p.Field is null ? null : RuleError.FieldName(p.Field), p.Message)).ToList();
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

}

/// <summary>One problem of a rule refusal in an API answer's <c>errors</c> array; the field named as in JSON bodies (camelCase).</summary>
public sealed record RuleError(string Code, string? Field, string Message)
{
    /// <summary>"EffectiveFrom" → "effectiveFrom", "Items[0].Rank" → "items[0].rank".</summary>
    public static string FieldName(string field) =>
        string.Join('.', field.Split('.').Select(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName));
}
