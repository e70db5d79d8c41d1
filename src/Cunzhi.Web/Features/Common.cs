using Cunzhi.Domain.Common;
using FluentValidation;

namespace Cunzhi.Web.Features;

/// <summary>One page of a list, with what the pager needs.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, long Total, int Page, int PageSize)
{
    public int PageCount => new PageRequest(Page, PageSize).PageCount(Total);
}

public static class PagingExtensions
{
    public static async Task<Paged<T>> ToPagedAsync<T>(this IQueryable<T> query, PageRequest page, CancellationToken ct = default)
    {
        var total = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.LongCountAsync(query, ct);
        var items = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(query.Skip(page.Skip).Take(page.Size), ct);
        return new(items, total, page.Page, page.Size);
    }
}

/// <summary>Runs a command's validator; the API turns failures into a ValidationProblem, pages into ModelState errors.</summary>
public static class Validation
{
    public static async Task<Dictionary<string, string[]>?> ErrorsAsync<T>(this IValidator<T> validator, T command, CancellationToken ct = default)
    {
        // Control and bidi characters in any text of the command (a page's form; the API refuses them when reading JSON).
        if (ForbiddenText(command, "", 0).ToList() is { Count: > 0 } bad)
            return bad.Distinct().ToDictionary(f => f, _ => new[] { Infrastructure.Web.InputText.Message });
        var result = await validator.ValidateAsync(command, ct);
        return result.IsValid ? null : result.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
    }

    private static IEnumerable<string> ForbiddenText(object? value, string path, int depth)
    {
        if (value is null || depth > 3) yield break;
        if (value is string s)
        {
            if (Infrastructure.Web.InputText.HasForbidden(s)) yield return path;
            yield break;
        }
        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is decimal or DateOnly or DateTime or DateTimeOffset or TimeOnly or Guid or byte[]) yield break;
        if (value is System.Collections.IDictionary) yield break;
        if (value is System.Collections.IEnumerable list)
        {
            var i = 0;
            foreach (var item in list)
                foreach (var p in ForbiddenText(item, $"{path}[{i++}]", depth + 1)) yield return p;
            yield break;
        }
        if (type.Namespace?.StartsWith("Cunzhi") != true) yield break;
        foreach (var prop in type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
            if (prop.GetIndexParameters().Length == 0)
                foreach (var p in ForbiddenText(prop.GetValue(value), path.Length == 0 ? prop.Name : $"{path}.{prop.Name}", depth + 1)) yield return p;
    }
}

/// <summary>Endpoint filter: validates the first argument of type <typeparamref name="T"/>.</summary>
public sealed class Validate<T>(IValidator<T> validator) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.Arguments.OfType<T>().FirstOrDefault() is { } command && await validator.ErrorsAsync(command) is { } errors)
            return TypedResults.ValidationProblem(
                errors.ToDictionary(e => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(e.Key), e => e.Value), title: "提交的数据有误");
        return await next(context);
    }
}

/// <summary>
/// The page side of a command: validate, run the handler, and turn validation failures and
/// domain refusals (<see cref="RuleException"/>) into the page's error list, one entry per problem. The one place pages
/// catch a rule refusal: <c>RuleConventionTests</c> fails on a catch anywhere else in Features.
/// </summary>
public static class PageCommands
{
    /// <summary>Returns the handler's result, or null when the page should be shown again with its errors.</summary>
    public static async Task<TResult?> RunCommandAsync<TCommand, TResult>(this Microsoft.AspNetCore.Mvc.RazorPages.PageModel page,
        IValidator<TCommand> validator, TCommand command, Func<TCommand, Task<TResult?>> handler, CancellationToken ct = default) where TResult : class
    {
        if (await validator.ErrorsAsync(command, ct) is { } errors)
        {
            foreach (var (key, messages) in errors)
                foreach (var m in messages) page.ModelState.AddModelError(key, m);
            return null;
        }
        try
        {
            TResult? result = null;
            return await page.RunRuleAsync(async () => result = await handler(command)) ? result : null;
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
        {
            // Someone saved the record after this form was filled: say so on the form and keep what the user typed.
            page.ModelState.AddModelError("", Cunzhi.Data.ConcurrencyVersions.StaleMessage);
            return null;
        }
    }

    /// <summary>
    /// Runs a page action a rule may refuse (no command to validate): true when it ran; false when refused, each problem
    /// then on the page's errors.
    /// </summary>
    public static async Task<bool> RunRuleAsync(this Microsoft.AspNetCore.Mvc.RazorPages.PageModel page, Func<Task> action)
    {
        if (await RefusalAsync(action) is not { } refused) return true;
        page.AddProblems(refused);
        return false;
    }

    /// <summary>The rule refusal of <paramref name="action"/>, or null when it ran: for a page that reports a refusal otherwise (a flash message after a redirect).</summary>
    public static async Task<RuleException?> RefusalAsync(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (RuleException e)
        {
            return e;
        }
    }

    /// <summary>
    /// Each problem as its own error: under its field when the field names a property of the page (so it shows by that
    /// input, as a validation error would), else form-level.
    /// </summary>
    public static void AddProblems(this Microsoft.AspNetCore.Mvc.RazorPages.PageModel page, RuleException refused)
    {
        foreach (var p in refused.Problems)
            page.ModelState.AddModelError(p.Field is { } f && NamesProperty(page.GetType(), f) ? f : "", p.Message);
    }

    /// <summary>"Reason" or "Form.Name": each step a public instance property (an index such as "Items[0]" names no property here).</summary>
    private static bool NamesProperty(Type type, string path)
    {
        foreach (var step in path.Split('.'))
        {
            var property = type.GetProperty(step, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance);
            if (property is null) return false;
            type = property.PropertyType;
        }
        return true;
    }
}
