using Cunzhi.Domain.Complaints;
using Cunzhi.Web.Features.Evaluations;
using Cunzhi.Web.Features.Matters;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cunzhi.Web.Features.Complaints;

/// <summary>
/// A complaint filed through the public API, as on /Jubao: the place (<see cref="Region"/>, a town or a village; with
/// <see cref="Town"/> it must be that town or one of its villages), the category, what happened, optionally a cadre of the
/// village; anonymous unless <see cref="Anonymous"/> is false, then name and mobile.
/// </summary>
public sealed record PublicComplaintFiling(string? Town, string? Region, ComplaintCategory? Category, string? Subject, long? CadreId, bool? Anonymous, string? Name, string? Phone);

/// <summary>The receipt code of a complaint just filed: answered this once, kept only as its keyed hash.</summary>
public sealed record PublicComplaintFiled(string ReceiptCode, string Message);

/// <summary>The receipt code, in the body (never in the URL, where logs and proxies would keep it).</summary>
public sealed record PublicComplaintCode(string? Code);

public sealed class PublicComplaintFilingValidator : AbstractValidator<PublicComplaintFiling>
{
    public PublicComplaintFilingValidator()
    {
        RuleFor(c => c.Region).NotEmpty().WithMessage("请填写问题所在的乡镇或村（region，区划代码）").MaximumLength(15).WithMessage("区划代码不能超过 15 位");
        RuleFor(c => c.Town).MaximumLength(15).WithMessage("乡镇代码不能超过 15 位");
        RuleFor(c => c.Category).NotNull().WithMessage("请选择举报类别（category）").IsInEnum().WithMessage("举报类别无效");
        RuleFor(c => c.Subject).NotEmpty().WithMessage("请填写举报内容（subject）").MaximumLength(Complaint.MaxText).WithMessage($"举报内容不能超过 {Complaint.MaxText} 个字");
        RuleFor(c => c.Name).MaximumLength(Complaint.MaxName).WithMessage($"姓名不能超过 {Complaint.MaxName} 个字");
        RuleFor(c => c.Phone).MaximumLength(20).WithMessage("手机号不能超过 20 个字符");
    }
}

public sealed class PublicComplaintCodeValidator : AbstractValidator<PublicComplaintCode>
{
    public PublicComplaintCodeValidator() => RuleFor(c => c.Code).NotEmpty().WithMessage("请填写回执码（code）").MaximumLength(40).WithMessage("回执码格式不对");
}

/// <summary>
/// 信访举报的公开接口, no account, under <c>/api/v1/public/complaints</c>: filing (the receipt code answered once) and
/// following with the code in the body. The same <see cref="ComplaintReceipts"/> as the pages /Jubao and /Jubao/Chaxun,
/// so the same limits, counted together per address: filings against <see cref="ComplaintFilingGuard"/>, wrong codes
/// against the public ballot's lockout (<see cref="BallotGuard"/>); either answers 429.
/// </summary>
public static class PublicComplaintApi
{
    public static async Task<Results<Created<PublicComplaintFiled>, ProblemHttpResult>> File(PublicComplaintFiling c, HttpContext http, ComplaintReceipts receipts,
        CancellationToken ct)
    {
        var anonymous = c.Anonymous ?? true;
        try
        {
            var code = await receipts.FileAsync(new FileComplaint(c.Region, c.Category!.Value, c.Subject, c.CadreId, anonymous, anonymous ? null : c.Name,
                anonymous ? null : c.Phone, c.Town), BallotGuard.ClientOf(http), ct);
            return TypedResults.Created((string?)null, new PublicComplaintFiled(code, "回执码只显示这一次，请抄下或截图保存，遗失后无法找回；凭回执码可查询办理进度"));
        }
        catch (ReceiptRefusedException e) { return Refused(e); }
    }

    public static async Task<Results<Ok<ComplaintProgress>, ProblemHttpResult>> Progress(PublicComplaintCode c, HttpContext http, ComplaintReceipts receipts,
        CancellationToken ct)
    {
        try { return TypedResults.Ok(await receipts.OpenAsync(c.Code, BallotGuard.ClientOf(http), ct)); }
        catch (ReceiptRefusedException e) { return Refused(e); }
    }

    private static ProblemHttpResult Refused(ReceiptRefusedException e) => TypedResults.Problem(
        statusCode: e.Reason switch
        {
            ReceiptRefusal.TooManyAttempts => StatusCodes.Status429TooManyRequests,
            ReceiptRefusal.Unknown => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status400BadRequest,
        },
        title: e.Reason == ReceiptRefusal.TooManyAttempts ? "请求过于频繁" : "回执码不能使用", detail: e.Message);
}
