using System.Diagnostics;
using Cunzhi.Domain.Pay;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Pay;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Seed;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Bench;

public static partial class Scenarios
{
    // ---------------------------------------------------------------- 3: payroll run

    /// <summary>
    /// A payroll run of the current month for every town of the generated data, through the handler the page and the
    /// API use (<see cref="PayrollHandlers.ComputeForTownAsync"/>: six set-based reads per town, the calculation in memory,
    /// the lines inserted by one save with one summary audit entry), one scope per town. Untimed setup: the generator at
    /// the chosen scale and the default pay settings published for every county. Afterwards, in the same process and
    /// database, the raw pay-line write (<see cref="PayLinesAsync"/>) of as many rows gives the lower bound and the ratio.
    /// </summary>
    private static async Task<RunResult> PayrollAsync(RunSpec spec)
    {
        await using var app = AppServices.Build(spec.Database);
        List<string> towns;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.User.AsSystem();
            await DataSetup.MigrateAsync(db);
            var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
            await seeder.SeedReferenceDataAsync();
            var divisions = SelectDivisions(spec.GenerateScale, spec.Smoke ? Path.Combine(Paths.Scratch, "no-package") : spec.DivisionData);
            if (!await seeder.SeedDemoAsync(new DemoOptions { Scale = DemoScale.Province, HouseholdsPerVillage = spec.HouseholdsPerVillage }, divisions, TextWriter.Null))
                throw new InvalidOperationException("数据库不是空的");
            var counties = await db.Regions.IgnoreQueryFilters().Where(r => r.Level == RegionLevel.County).Select(r => r.Code).ToListAsync();
            var have = await db.Set<PaySettings>().Select(s => s.CountyCode).ToListAsync();
            foreach (var county in counties.Except(have))
            {
                var s = PaySettings.DraftFrom(null, county, 1, new DateOnly(2020, 1, 1));
                s.Publish("bench", DateTime.UtcNow);
                db.Add(s);
            }
            await db.SaveChangesAsync();
            towns = await db.Regions.IgnoreQueryFilters().Where(r => r.Level == RegionLevel.Town).OrderBy(r => r.Code).Select(r => r.Code).ToListAsync();
        }

        var today = DateOnly.FromDateTime(DateTime.Now);
        var load = Memory.LoadAverage();
        long lines = 0, warnings = 0;
        var watch = Stopwatch.StartNew();
        foreach (var town in towns)
        {
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<AppDbContext>().User.AsSystem();
            var run = await scope.ServiceProvider.GetRequiredService<PayrollHandlers>().ComputeForTownAsync(town, today.Year, today.Month);
            lines += run.LineCount;
            warnings += run.MissingScores;
        }
        watch.Stop();
        var seconds = watch.Elapsed.TotalSeconds;
        var peak = Memory.OwnPeak();
        if (lines == 0) throw new InvalidOperationException("工资批次没有明细");

        var bound = await PayLinesAsync(spec with { Rows = (int)lines });
        var boundRate = bound.Metrics["rowsPerSecond"];
        var rate = lines / seconds;
        return Result(spec, seconds, lines, peak, OwnPeak, load, new()
        {
            ["linesPerSecond"] = rate, ["towns"] = towns.Count, ["lowerBoundRowsPerSecond"] = boundRate, ["lowerBoundSeconds"] = bound.Seconds,
            ["ratio"] = seconds / bound.Seconds, ["missingScores"] = warnings,
        }, $"{towns.Count} towns, one run each via PayrollHandlers.ComputeForTownAsync (EF AddRange + one SaveChanges a town, summary audit); lower bound {boundRate:N0} rows/s measured after it in the same process");
    }
}
