using Cunzhi.Domain.People;

namespace Cunzhi.Web.Infrastructure.Seed;

/// <summary>Plausible Chinese names: common surnames weighted roughly by frequency, one- or two-character given names.</summary>
public static class ChineseNames
{
    private static readonly string[] Surnames =
        ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤易辛喻晏钟")
        .Select(c => c.ToString()).ToArray();

    private const string MaleChars = "伟强军平东华明建国文杰涛斌辉刚勇俊峰磊超波鹏飞宇浩志成林海龙春生德福荣贵正永金水根发";
    private const string FemaleChars = "芳娟敏静丽艳娜秀英霞燕玲桂兰萍红梅琴云莲凤洁慧婷雪琳颖丹玉珍翠月春花";

    public static string Surname(Random rng)
    {
        // The first twenty surnames cover about half of the population.
        var i = rng.NextDouble() < 0.5 ? rng.Next(20) : rng.Next(Surnames.Length);
        return Surnames[i];
    }

    public static string Given(Random rng, Gender gender)
    {
        var chars = gender == Gender.Male ? MaleChars : FemaleChars;
        var one = chars[rng.Next(chars.Length)].ToString();
        return rng.NextDouble() < 0.3 ? one : one + chars[rng.Next(chars.Length)];
    }

    public static string Full(Random rng, Gender gender) => Surname(rng) + Given(rng, gender);
}
