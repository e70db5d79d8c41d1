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

/// <summary>The not-found answer that hides out-of-scope task requests (who may do what is in the permission table, Permissions.Task…).</summary>
public static class TaskAccess
{
    public const string NotFoundMessage = "未找到该申请，或其不在您的管辖范围内";
}
