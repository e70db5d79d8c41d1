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

/// <summary>The not-found answers that hide out-of-scope forms (who may do what is in the permission table, Permissions.Forms…).</summary>
public static class FormAccess
{
    public const string NotFoundMessage = "未找到该报表，或其不在您的管辖范围内";
    public const string VillageNotFoundMessage = "该报表未下发到这个村(社区)，或其不在您的管辖范围内";
}
