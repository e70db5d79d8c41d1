using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Forms;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Tasks;
using Cunzhi.Web.Features.Tasks;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Cunzhi.Web.Infrastructure.Time;

namespace Cunzhi.Web.Features.Forms;

/// <summary>Chinese names for pages and exports.</summary>
public static class FormNames
{
    public static string Type(FieldType t) => FormTemplate.TypeName(t);
    public static string Submission(SubmissionStatus? s) => FormSubmission.StatusName(s);
    public static string Status(FormSummary f) => f.Status == FormStatus.Draft ? "草稿" : f.GateStatus is { } g ? TaskRequest.StatusName(g) : "已报送";
    public static string Badge(FormSummary f) => f.Status == FormStatus.Draft ? "text-bg-light border" : f.GateStatus is { } g ? TaskNames.Badge(g) : "text-bg-warning";
    public static string SubmissionBadge(SubmissionStatus? s) => s switch
    {
        SubmissionStatus.Submitted => "text-bg-success",
        SubmissionStatus.Draft => "text-bg-warning",
        _ => "text-bg-secondary",
    };
    public static string Kind(DuplicateKind k) => k switch
    {
        DuplicateKind.SameMeaning => "重复指标",
        DuplicateKind.SameBinding => "同一数据来源",
        _ => "平台已有",
    };
}
