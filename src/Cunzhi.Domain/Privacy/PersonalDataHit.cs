namespace Cunzhi.Domain.Privacy;

/// <summary>The kinds of personal number the guard refuses on anything public.</summary>
public enum PersonalDataKind
{
    /// <summary>A full 18-character 公民身份号码 with a valid GB 11643-1999 check character.</summary>
    NationalId = 1,
    /// <summary>A first-generation 15-digit 身份证号 (valid region and birth date; it has no check digit).</summary>
    LegacyNationalId = 2,
    /// <summary>A mainland mobile number (1[3-9] and 9 more digits, with or without 86).</summary>
    MobilePhone = 3,
    /// <summary>A bank card number: 16–19 digits passing the Luhn check.</summary>
    BankCard = 4,
}

/// <summary>
/// One personal number found by <see cref="PersonalDataGuard"/>: its kind and where it is — in a text the line and
/// the character of the line it starts at; in a table the row and column (with the column's heading when known); in
/// a document the page and the line on that page. <see cref="Message"/> is the Chinese refusal line
/// (<c>第 3 行 第 2 列「身份证号」含完整身份证号码</c>); it never carries the number itself, so it may be shown and
/// logged. Numbers are 1-based as a user counts them.
/// </summary>
/// <param name="Kind">What was found.</param>
/// <param name="Where">The place in Chinese (<c>第 2 页 第 14 行</c>), without the kind.</param>
/// <param name="Field">The field of a form the text came from (<c>正文</c>), when the caller named one.</param>
/// <param name="Page">Page of a document, or null.</param>
/// <param name="Row">Row of a table, or null.</param>
/// <param name="Column">Column of a table, or null.</param>
/// <param name="ColumnName">Heading of that column, or null.</param>
/// <param name="Line">Line of a text or of a page, or null for a table cell.</param>
/// <param name="Char">Character of the line the number starts at, for a text; null otherwise.</param>
public sealed record PersonalDataHit(
    PersonalDataKind Kind, string Where, string? Field, int? Page, int? Row, int? Column, string? ColumnName, int? Line, int? Char)
{
    /// <summary>The refusal line: the place, then what it holds (<c>第 3 行 第 5 个字处含完整手机号码</c>).</summary>
    public string Message => $"{Where}含完整{KindName(Kind)}";

    /// <summary>The Chinese name of a kind as the messages use it.</summary>
    public static string KindName(PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.NationalId => "身份证号码",
        PersonalDataKind.LegacyNationalId => "15 位旧身份证号码",
        PersonalDataKind.MobilePhone => "手机号码",
        PersonalDataKind.BankCard => "银行卡号",
        _ => "个人信息",
    };
}
