using System.Security.Cryptography;
using System.Text;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Pay;
using Cunzhi.Domain.Ranks;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Seed;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Pay;

/// <summary>
/// The not-found answer that hides out-of-scope payroll runs. Who may do what is in the permission table: the town admin
/// computes, recomputes, adds adjustments and marks reviewed (its own town, by scope); the county admin approves, returns
/// and locks; the discipline inspector reads. Village cadres are refused (their pay is on the town's sheet; the
/// income-increment reward they enter is theirs to read).
/// </summary>
public static class PayrollAccess
{
    public const string NotFoundMessage = "未找到该工资批次，或不在您的管辖范围内";
}
