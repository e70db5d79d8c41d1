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

/// <summary>Who may do what in 减负 (the responsibility list, requests at the admission gate, village tasks), pages and API alike.</summary>
public static class TaskAccess
{
    public const string ListReaders = Roles.CountyAdmin + "," + Roles.CoordinationOffice + "," + Roles.Department + "," + Roles.DisciplineInspector;
    public const string ListEditors = Roles.CountyAdmin + "," + Roles.CoordinationOffice;
    public const string Filers = Roles.Department;
    // SPEC §4: admission decisions belong to the coordination office alone; the county admin watches but does not decide.
    public const string Deciders = Roles.CoordinationOffice;
    public const string RequestReaders = Roles.Department + "," + Roles.CoordinationOffice + "," + Roles.CountyAdmin + "," + Roles.DisciplineInspector;
    public const string StatsReaders = ListReaders;
    public const string VillageTaskReaders = Roles.VillageCadre + "," + Roles.TownAdmin + "," + Roles.CountyAdmin + "," + Roles.CoordinationOffice;
    public const string NotFoundMessage = "未找到该申请，或其不在您的管辖范围内";
}
