using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cunzhi.Domain.Common;
using Cunzhi.Web.Features;
using Cunzhi.Web.Features.Tasks;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Tests;

/// <summary>
/// A rule refusal through the API: 409 with the joined <c>detail</c> as before and an <c>errors</c> array of
/// {code, field, message}, one entry per problem (accounts, reserves, weekly reports).
/// </summary>
public abstract class RuleErrorTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private sealed record Error(string Code, string? Field, string Message);

    private static async Task<(string Detail, List<Error> Errors)> Refusal(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict, body);
        using var json = JsonDocument.Parse(body);
        var errors = json.RootElement.GetProperty("errors").EnumerateArray()
            .Select(e => new Error(e.GetProperty("code").GetString()!, e.GetProperty("field").GetString(), e.GetProperty("message").GetString()!)).ToList();
        return (json.RootElement.GetProperty("detail").GetString()!, errors);
    }

    [Fact]
    public async Task A_taken_account_name_is_one_problem_under_the_user_name_field()
    {
        var county = await f.ApiAs("county.admin");
        var response = await county.PostAsJsonAsync("/api/v1/accounts",
            new { userName = "village.naoping", displayName = "某人", role = "VillageCadre", regionCode = Demo.Naoping, password = "Village-pass-2026" });
        var (detail, errors) = await Refusal(response);
        errors.ShouldBe([new Error("accounts.user_name_taken", "userName", "账号 village.naoping 已存在")]);
        detail.ShouldBe("账号 village.naoping 已存在");
    }

    [Fact]
    public async Task A_reserve_already_in_the_pool_answers_one_fieldless_problem_with_the_default_code()
    {
        var api = await f.ApiAs("town.sanxing");
        var name = "规" + Guid.NewGuid().ToString("N")[..6];
        object Fields() => new
        {
            regionCode = Demo.Naoping, name, gender = "Male", birthDate = "1994-05-06", educationCode = "bachelor", isPartyMember = true,
            source = "ReturningYouth", channel = "UnitParty", recommender = "三兴镇党委", recommendedDate = "2025-01-01",
            nationalId = TestIds.Next(new DateOnly(1994, 5, 6), Domain.People.Gender.Male),
        };
        (await api.PostAsJsonAsync("/api/v1/reserves", Fields())).StatusCode.ShouldBe(HttpStatusCode.Created);
        var (detail, errors) = await Refusal(await api.PostAsJsonAsync("/api/v1/reserves", Fields()));
        errors.ShouldBe([new Error(RuleException.DefaultCode, null, $"{name}已在该后备干部库中")]);
        detail.ShouldBe(errors[0].Message);
    }

    [Fact]
    public async Task Evidence_refused_for_two_reasons_lists_both_problems_joined_in_the_detail()
    {
        var request = await (await f.ApiAs("dept.agri")).PostAsJsonAsync("/api/v1/tasks/requests", new
        {
            title = "规则错误测试：不需佐证的走访", requirement = "组织巡查并登记", villages = new[] { Demo.Naoping }, towns = Array.Empty<string>(),
            dueDate = China.Today.AddDays(10).ToString("yyyy-MM-dd"), evidenceRequired = false, evidenceJustification = (string?)null, itemCode = "XZ-11",
        });
        request.StatusCode.ShouldBe(HttpStatusCode.Created, await request.Content.ReadAsStringAsync());
        var requestId = (await request.Content.ReadFromJsonAsync<TaskRequestView>(CunzhiFactory.Json))!.Id;
        var village = await f.ApiAs("village.naoping");
        var item = (await village.GetFromJsonAsync<WeeklyList>("/api/v1/tasks/weekly?pageSize=200", CunzhiFactory.Json))!.Items.Items.Single(i => i.TaskRequestId == requestId);
        var form = new MultipartFormDataContent { { new ByteArrayContent("hello"u8.ToArray()), "file", "a.jpg" } };

        var (detail, errors) = await Refusal(await village.PostAsync($"/api/v1/tasks/weekly/{item.VillageTaskId}/evidence", form));
        errors.Count.ShouldBe(2);
        errors[0].Message.ShouldContain("不要求佐证材料");
        errors[1].Message.ShouldContain("不是 jpg、png 或 pdf");
        errors.ShouldAllBe(e => e.Code == RuleException.DefaultCode && e.Field == null);
        detail.ShouldBe(string.Join("；", errors.Select(e => e.Message)));
    }
}

public sealed class RuleErrorTests_Sqlite(SqliteFactory f) : RuleErrorTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class RuleErrorTests_Postgres(PostgresFactory f) : RuleErrorTests<PostgresFactory>(f);

/// <summary>
/// A page shows each problem of a refusal as its own entry, under its field when the page has that property; and the
/// conventions that keep one rule error: no other *RuleException type, no catch of it in Features outside the page runner.
/// </summary>
public sealed class RuleConventionTests
{
    private sealed class FormPage : PageModel
    {
        public string? Reason { get; set; }
    }

    [Fact]
    public async Task A_page_shows_two_problems_as_two_entries_one_under_its_field()
    {
        var page = new FormPage { PageContext = new PageContext() };
        var ran = await page.RunRuleAsync(() => throw new RuleException(
            [new RuleProblem("c", "Reason", "请填写退回理由"), new RuleProblem("c", "NotOnThisForm", "批次已锁定")]));
        ran.ShouldBeFalse();
        page.ModelState.ErrorCount.ShouldBe(2);
        page.ModelState["Reason"]!.Errors.Single().ErrorMessage.ShouldBe("请填写退回理由");
        page.ModelState[""]!.Errors.Single().ErrorMessage.ShouldBe("批次已锁定");
        (await page.RunRuleAsync(() => Task.CompletedTask)).ShouldBeTrue();
    }

    /// <summary>
    /// Where Features may catch <see cref="RuleException"/>: only the page runner, which puts each problem on the form.
    /// Handlers let it reach CunzhiExceptionHandler (409 with errors); pages go through PageCommands.
    /// </summary>
    private static readonly string[] CatchAllowed = ["src/Cunzhi.Web/Features/Common.cs"];

    private static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Cunzhi.slnx"))) return d.FullName;
        throw new InvalidOperationException("找不到仓库根目录（Cunzhi.slnx）");
    }

    /// <summary>Every catch of RuleException under Features outside the allow-list, as "path:line".</summary>
    public static List<string> RuleCatches(string root) =>
        Directory.EnumerateFiles(Path.Combine(root, "src", "Cunzhi.Web", "Features"), "*.cs", SearchOption.AllDirectories)
            .Select(f => (Path: Path.GetRelativePath(root, f).Replace('\\', '/'), File: f))
            .Where(f => !CatchAllowed.Contains(f.Path))
            .SelectMany(f => File.ReadLines(f.File).Select((line, i) => (f.Path, Line: i + 1, Text: line)))
            .Where(l => System.Text.RegularExpressions.Regex.IsMatch(l.Text, @"catch\s*\(\s*(\w+\.)*RuleException\b|is\s+(\w+\.)*RuleException\b"))
            .Select(l => $"{l.Path}:{l.Line}")
            .ToList();

    /// <summary>Exception types named *RuleException other than the one.</summary>
    public static List<string> OtherRuleExceptions(IEnumerable<System.Reflection.Assembly> assemblies) =>
        assemblies.SelectMany(a => a.GetTypes())
            .Where(t => typeof(Exception).IsAssignableFrom(t) && t.Name.Contains("RuleException", StringComparison.Ordinal) && t != typeof(RuleException))
            .Select(t => t.FullName!)
            .ToList();

    [Fact]
    public void Features_catch_a_rule_refusal_only_in_the_page_runner() =>
        RuleCatches(RepoRoot()).ShouldBeEmpty("处理程序不捕获 RuleException：由异常处理统一答 409 并列出每个问题；页面经 PageCommands 显示");

    [Fact]
    public void RuleException_is_the_only_rule_exception_type() =>
        OtherRuleExceptions([typeof(RuleException).Assembly, typeof(PageCommands).Assembly]).ShouldBeEmpty();

    [Fact]
    public void The_convention_finds_a_second_rule_exception_type() =>
        OtherRuleExceptions([typeof(RuleConventionTests).Assembly]).ShouldBe([typeof(StrayRuleException).FullName!]);

    [Fact]
    public void The_convention_finds_a_stray_catch()
    {
        var root = Directory.CreateTempSubdirectory("cunzhi-rules-");
        try
        {
            var dir = Directory.CreateDirectory(Path.Combine(root.FullName, "src", "Cunzhi.Web", "Features", "Pay"));
            File.WriteAllText(Path.Combine(dir.FullName, "Handlers.cs"), "try { run.Lock(); }\ncatch (RuleException e) { throw new Other(e.Message); }\n");
            RuleCatches(root.FullName).ShouldBe(["src/Cunzhi.Web/Features/Pay/Handlers.cs:2"]);
        }
        finally { root.Delete(true); }
    }

    private sealed class StrayRuleException(string message) : Exception(message);
}
