using Cunzhi.Domain.Identity;
using Cunzhi.Web.Infrastructure.Seed;

namespace Cunzhi.Web.Tests;

/// <summary>The generator's bank details for demo cadres (no database): valid, fixed-seed, and drawn apart from everything else.</summary>
public sealed class DemoBankAccountTests
{
    private static DemoGenerator Generator(int seed = 0) =>
        new(seed == 0 ? new DemoOptions { HouseholdsPerVillage = 20 } : new DemoOptions { HouseholdsPerVillage = 20, Seed = seed }, Divisions.Wanzai().ToList());

    [Fact]
    public void Every_demo_cadre_has_a_bank_and_a_valid_account_number()
    {
        var all = Generator().Cadres(1).ToList();
        all.ShouldAllBe(c => !string.IsNullOrEmpty(c.Cadre.BankName) && BankAccount.Parse(c.BankAccount).Normalized == c.BankAccount);
    }

    [Fact]
    public void The_same_options_give_the_same_bank_accounts()
    {
        Generator().Cadres(1).Select(c => (c.Cadre.BankName, c.BankAccount)).ShouldBe(Generator().Cadres(1).Select(c => (c.Cadre.BankName, c.BankAccount)));
    }

    [Fact]
    public void Another_seed_gives_other_bank_accounts()
    {
        var a = Generator().Cadres(1).Select(c => c.BankAccount).ToList();
        var b = Generator(seed: 7).Cadres(1).Select(c => c.BankAccount).ToList();
        a.ShouldNotBe(b);
    }
}
