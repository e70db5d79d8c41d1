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
/// domain refusals into the page's error list. Returns the handler's result, or null when the
/// page should be shown again with its errors.
/// </summary>
public static class PageCommands
{
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
            return await handler(command);
        }
        catch (Infrastructure.Web.DomainRuleException e)
        {
            page.ModelState.AddModelError("", e.Message);
            return null;
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
        {
            // Someone saved the record after this form was filled: say so on the form and keep what the user typed.
            page.ModelState.AddModelError("", Infrastructure.Data.ConcurrencyVersions.StaleMessage);
            return null;
        }
    }
}
