using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Tasks;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Seed;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Tasks;

/// <summary>Chinese names shared by pages and exports.</summary>
public static class TaskNames
{
    public static string Category(ItemCategory c) => ResponsibilityItem.CategoryName(c);
    public static string Status(TaskRequestStatus s) => TaskRequest.StatusName(s);
    public static string ListStatus(ListStatus s) => s switch { Domain.Tasks.ListStatus.Draft => "草稿", Domain.Tasks.ListStatus.Published => "现行", _ => "已废止" };
    public static string Channel(TaskChannel c) => c switch { TaskChannel.Page => "网页", TaskChannel.Api => "接口", _ => "批量导入" };
    public static string Badge(TaskRequestStatus s) => s switch
    {
        TaskRequestStatus.Admitted => "text-bg-success",
        TaskRequestStatus.Refused => "text-bg-danger",
        TaskRequestStatus.Rejected => "text-bg-secondary",
        _ => "text-bg-warning",
    };
}
