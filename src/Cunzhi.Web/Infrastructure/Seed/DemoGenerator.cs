using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.People;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Web.Infrastructure.Seed;

/// <summary>
/// Deterministic demo data over real divisions: villager groups and grids, households with their
/// members, and each village's two committees. Each village draws from its own seeded random
/// stream, so a village's people do not change when the scale does. Rows are produced lazily
/// so province and national runs stream straight into the bulk writer.
/// </summary>
public sealed class DemoGenerator(DemoOptions options, IReadOnlyList<Division> divisions)
{
    private static readonly DateOnly Today = new(2026, 1, 1);
    private static readonly string[] SendingUnits = ["县农业农村局", "县卫生健康委", "县教育体育局", "县财政局", "县自然资源局", "市直机关工委", "县人社局"];
    private static readonly string[] GroupNames = ["上屋", "下屋", "新屋", "老屋", "坪上", "塘背", "山下", "岭头", "坑口", "桥头", "田心", "水口", "竹山", "枫树", "石门"];

    public IReadOnlyList<Division> Divisions => divisions;
    public IEnumerable<Division> Villages => divisions.Where(d => d.Level == RegionLevel.Village);

    // Not HashCode.Combine: it is randomised per process, and the demo must be the same on every machine.
    private Random VillageRandom(string code, int stream) => new((int)((long.Parse(code) * 7919 + stream * 104_729L + options.Seed) % int.MaxValue));

    /// <summary>Villager groups (4–9) and grids (2–4) of every village.</summary>
    public IEnumerable<Region> SubVillageRegions()
    {
        foreach (var v in Villages)
        {
            var rng = VillageRandom(v.Code, 1);
            var groups = rng.Next(4, 10);
            for (var g = 1; g <= groups; g++)
                yield return new Region { Code = v.Code + g.ToString("000"), Name = $"{GroupNames[(g - 1) % GroupNames.Length]}{(g > GroupNames.Length ? g.ToString() : "")}组", Level = RegionLevel.VillagerGroup, ParentCode = v.Code };
            var grids = rng.Next(2, 5);
            for (var g = 1; g <= grids; g++)
                yield return new Region { Code = v.Code + (900 + g).ToString("000"), Name = $"第{g}网格", Level = RegionLevel.Grid, ParentCode = v.Code };
        }
    }

    /// <summary>Households and their residents; ids are assigned from <paramref name="firstHouseholdId"/> and <paramref name="firstResidentId"/> upward.</summary>
    public IEnumerable<Household> Households(long firstHouseholdId, long firstResidentId)
    {
        var householdId = firstHouseholdId;
        var residentId = firstResidentId;
        foreach (var v in Villages)
        {
            var rng = VillageRandom(v.Code, 2);
            var layout = VillageRandom(v.Code, 1);
            var groups = layout.Next(4, 10);
            var grids = layout.Next(2, 5);
            var spread = Math.Max(1, options.HouseholdsPerVillage * 3 / 10);
            var count = Math.Max(1, options.HouseholdsPerVillage + rng.Next(-spread, spread + 1));
            for (var n = 1; n <= count; n++)
            {
                var group = rng.Next(1, groups + 1);
                var headGender = rng.NextDouble() < 0.85 ? Gender.Male : Gender.Female;
                var surname = ChineseNames.Surname(rng);
                var head = surname + ChineseNames.Given(rng, headGender);
                var h = new Household
                {
                    Id = householdId++,
                    RegionCode = v.Code,
                    GroupCode = v.Code + group.ToString("000"),
                    GridCode = v.Code + (900 + rng.Next(1, grids + 1)).ToString("000"),
                    Number = n.ToString("0000"),
                    HeadName = head,
                    Address = $"{GroupNames[(group - 1) % GroupNames.Length]}{rng.Next(1, 120)}号",
                };
                var headBirth = Today.AddYears(-rng.Next(28, 80)).AddDays(-rng.Next(365));
                h.Residents.Add(Person(residentId++, v.Code, head, headGender, headBirth, "户主", rng));
                var size = rng.Next(1, 7);
                if (size >= 2)
                {
                    var spouseGender = headGender == Gender.Male ? Gender.Female : Gender.Male;
                    h.Residents.Add(Person(residentId++, v.Code, ChineseNames.Full(rng, spouseGender), spouseGender, headBirth.AddYears(rng.Next(-3, 4)), "配偶", rng));
                }
                for (var c = 2; c < size; c++)
                {
                    var g = rng.NextDouble() < 0.52 ? Gender.Male : Gender.Female;
                    var birth = headBirth.AddYears(rng.Next(20, 34));
                    if (birth > Today) birth = Today.AddYears(-rng.Next(1, 10));
                    h.Residents.Add(Person(residentId++, v.Code, surname + ChineseNames.Given(rng, g), g, birth, g == Gender.Male ? "子" : "女", rng));
                }
                foreach (var r in h.Residents) r.HouseholdId = h.Id;
                yield return h;
            }
        }
    }

    private static Resident Person(long id, string village, string name, Gender g, DateOnly birth, string relation, Random rng) => new()
    {
        Id = id, RegionCode = village, Name = name, Gender = g, BirthDate = birth, Relation = relation,
        IsPartyMember = Today.Year - birth.Year >= 18 && rng.NextDouble() < 0.08,
    };

    /// <summary>A generated cadre with the personal numbers the seeder encrypts before writing.</summary>
    public sealed record GeneratedCadre(Cadre Cadre, string NationalId, string Phone, string BankAccount);

    /// <summary>Banks that pay village cadres, with a card number prefix (fictitious numbers, real-looking lengths).</summary>
    private static readonly (string Name, string Prefix)[] Banks =
    [
        ("农村商业银行", "621592"), ("中国农业银行", "622848"), ("中国邮政储蓄银行", "621799"), ("中国建设银行", "621700"), ("中国工商银行", "621226"),
    ];

    /// <summary>Each village's two committees: a secretary (often also director, 一肩挑), deputies and members; some villages have a first secretary.</summary>
    public IEnumerable<GeneratedCadre> Cadres(long firstId)
    {
        var id = firstId;
        var usedIds = new HashSet<string>();
        foreach (var v in Villages)
        {
            var rng = VillageRandom(v.Code, 3);
            // Bank details from a stream of their own, so adding them left every other generated value as it was.
            var bankRng = VillageRandom(v.Code, 5);
            var count = Math.Max(3, options.CadresPerVillage + rng.Next(-2, 3));
            var oneShoulder = rng.NextDouble() < 0.8;
            var posts = new List<string> { oneShoulder ? "secretary-director" : "secretary" };
            if (!oneShoulder) posts.Add("director");
            posts.Add("deputy-secretary");
            while (posts.Count < count) posts.Add(posts.Count % 3 == 0 ? "deputy-director" : "committee-member");
            if (rng.NextDouble() < 0.15) posts.Add("first-secretary");
            foreach (var post in posts)
            {
                var lead = post is "secretary" or "secretary-director";
                var assigned = post == "first-secretary";
                var g = rng.NextDouble() < (lead ? 0.85 : 0.6) ? Gender.Male : Gender.Female;
                var age = lead ? rng.Next(30, 56) : assigned ? rng.Next(28, 45) : rng.Next(24, 60);
                var birth = Today.AddYears(-age).AddDays(-rng.Next(365));
                var start = new DateOnly(2021, rng.Next(1, 13), 1);
                var cadre = new Cadre
                {
                    Id = id++, RegionCode = v.Code, Name = ChineseNames.Full(rng, g), Gender = g, BirthDate = birth,
                    EducationCode = assigned ? "bachelor" : Education(rng, lead), IsPartyMember = lead || assigned || rng.NextDouble() < 0.75,
                    PostCode = post, Rank = Cadre.EntryRank - (int)Math.Floor(Math.Pow(rng.NextDouble(), 2) * 5),
                    Status = CadreStatus.InOffice, StartDate = start, Term = 12,
                    Origin = assigned ? CadreOrigin.Assigned : CadreOrigin.Elected,
                    AssignedFrom = assigned ? SendingUnits[rng.Next(SendingUnits.Length)] : null,
                    IsProfessionalSecretary = lead && rng.NextDouble() < 0.2,
                };
                var bank = Banks[bankRng.Next(Banks.Length)];
                cadre.BankName = bank.Name;
                var account = bank.Prefix + bankRng.NextInt64(0, 10_000_000_000_000).ToString("0000000000000", System.Globalization.CultureInfo.InvariantCulture);
                cadre.Posts.Add(new CadrePost { CadreId = cadre.Id, RegionCode = v.Code, PostCode = post, StartDate = start, Term = 12 });
                // Born in the county mostly; the sequence is bumped until the number is unused.
                var prefix = assigned ? "360900" : RegionCodes.CountyPrefix(v.Code);
                var sequence = rng.Next(1, 999);
                string number;
                do number = Domain.Identity.NationalId.Compose(prefix == "360900" ? "360902" : prefix, birth, sequence++ % 1000, g);
                while (!usedIds.Add(number));
                var phone = "1" + "3578"[rng.Next(4)] + rng.Next(0, 1_000_000_000).ToString("000000000");
                yield return new GeneratedCadre(cadre, number, phone, account);
            }
        }
    }

    /// <summary>
    /// Each village's reserve pool (后备干部库): 0–4 candidates, young and mostly with a degree
    /// (Wudu kept 1,500 for about 300 villages), recommended through the three channels.
    /// </summary>
    public IEnumerable<Domain.Reserves.ReserveCadre> Reserves()
    {
        foreach (var v in Villages)
        {
            var rng = VillageRandom(v.Code, 4);
            var count = rng.Next(0, 5);
            for (var i = 0; i < count; i++)
            {
                var g = rng.NextDouble() < 0.6 ? Gender.Male : Gender.Female;
                yield return new Domain.Reserves.ReserveCadre
                {
                    RegionCode = v.Code, Name = ChineseNames.Full(rng, g), Gender = g,
                    BirthDate = Today.AddYears(-rng.Next(22, 40)).AddDays(-rng.Next(365)),
                    EducationCode = rng.NextDouble() < 0.7 ? (rng.NextDouble() < 0.5 ? "college" : "bachelor") : "senior",
                    IsPartyMember = rng.NextDouble() < 0.6,
                    Source = (Domain.Reserves.ReserveSource)rng.Next(1, 6),
                    Channel = (Domain.Reserves.RecommendationChannel)rng.Next(1, 4),
                    Recommender = rng.NextDouble() < 0.5 ? $"{v.Name}党支部" : "乡镇党委",
                    RecommendedDate = new DateOnly(2025, rng.Next(1, 13), 1),
                    PlacementPostCode = "committee-member",
                };
            }
        }
    }

    private static string Education(Random rng, bool lead)
    {
        // After the 2021 re-election most secretaries hold a college degree (Wudu: 70.2%).
        var x = rng.NextDouble() + (lead ? 0.25 : 0);
        return x switch { < 0.08 => "junior", < 0.35 => "senior", < 0.75 => "college", < 1.15 => "bachelor", _ => "postgraduate" };
    }
}
