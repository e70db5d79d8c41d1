using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Tests;

public sealed class PermissionsTests
{
    public static TheoryData<string, string, RegionLevel?, bool> Cases => new()
    {
        { Permissions.PayrollComputeTown, Roles.TownAdmin, RegionLevel.Town, true },
        { Permissions.PayrollComputeTown, Roles.TownAdmin, RegionLevel.County, false },   // the role's level, not any level
        { Permissions.PayrollComputeTown, Roles.CountyAdmin, RegionLevel.County, false },
        { Permissions.PayrollApprove, Roles.CountyAdmin, RegionLevel.County, true },
        { Permissions.PayrollApprove, Roles.CountyAdmin, RegionLevel.Town, false },
        { Permissions.ConductClose, Roles.DisciplineInspector, RegionLevel.County, true },   // discipline: county or town
        { Permissions.ConductClose, Roles.DisciplineInspector, RegionLevel.Town, true },
        { Permissions.ConductClose, Roles.DisciplineInspector, RegionLevel.Village, false },
        { Permissions.ConductClose, Roles.TownAdmin, RegionLevel.Town, false },
        { Permissions.TaskRequestsDecide, Roles.CoordinationOffice, RegionLevel.County, true },
        { Permissions.TaskRequestsDecide, Roles.CountyAdmin, RegionLevel.County, false },   // SPEC §4: the office alone decides
        { Permissions.FormsFill, Roles.VillageCadre, RegionLevel.Village, true },
        { Permissions.FormsFill, Roles.VillageCadre, null, false },                        // no valid region, nothing
        { Permissions.CadresRead, "Resident", RegionLevel.Village, false },                 // unknown role
        { Permissions.MatterStatsRead, Roles.ProvinceViewer, RegionLevel.Province, true },  // issue #19: a province reads its statistics
        { Permissions.MatterStatsRead, Roles.ProvinceViewer, RegionLevel.County, false },
        { Permissions.CadresRead, Roles.ProvinceViewer, RegionLevel.Province, false },      // and nothing else
        { Permissions.MatterStatsRead, Roles.CountyAdmin, RegionLevel.Province, false },
    };

    [Theory, MemberData(nameof(Cases))]
    public void Allows_by_role_and_region_level(string capability, string role, RegionLevel? level, bool allowed) =>
        Permissions.Allows(capability, [role], level).ShouldBe(allowed);

    [Fact]
    public void Any_of_several_roles_is_enough() =>
        Permissions.Allows(Permissions.AuditRead, [Roles.TownAdmin, Roles.DisciplineInspector], RegionLevel.Town).ShouldBeTrue();

    [Fact]
    public void An_unknown_capability_fails_loudly() =>
        Should.Throw<ArgumentException>(() => Permissions.Allows("payroll.computee", [Roles.TownAdmin], RegionLevel.Town));

    [Fact]
    public void Every_capability_is_named_once()
    {
        Permissions.All.Count.ShouldBeGreaterThan(50);
        Permissions.All.Select(c => c.Name).ShouldBeUnique();
    }

    [Fact]
    public void Every_capability_is_described()
    {
        foreach (var c in Permissions.All) c.Description.ShouldNotBeNullOrWhiteSpace(c.Name);
    }

    [Fact]
    public void Every_capability_is_granted_at_levels_its_roles_may_hold()
    {
        foreach (var c in Permissions.All)
        {
            c.Grants.ShouldNotBeEmpty(c.Name);
            foreach (var g in c.Grants)
            {
                Roles.All.ShouldContain(g.Role, c.Name);
                g.Levels.ShouldNotBeEmpty(c.Name);
                g.Levels.ShouldAllBe(l => Roles.AllowedLevels(g.Role).Contains(l), $"{c.Name}: {g.Role}");
            }
        }
    }
}
