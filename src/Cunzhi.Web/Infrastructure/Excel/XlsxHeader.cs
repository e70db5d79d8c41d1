using Cunzhi.Domain.Common;
using System.Text;

namespace Cunzhi.Web.Infrastructure.Excel;

/// <summary>Finds each expected column in a header row.</summary>
public static class XlsxHeader
{
    /// <summary>
    /// Matches headers loosely in the ways hand-made sheets differ (spaces and line breaks inside a header, full-width
    /// brackets, a * marking a required column, letter case), and reports every missing required column and every
    /// column that appears twice. Headers that match no expected column are ignored (and listed).
    /// </summary>
    public static XlsxHeaderMap Map(XlsxRow header, IReadOnlyList<XlsxImportColumn> columns)
    {
        var lookup = new Dictionary<string, int>();
        for (var i = 0; i < columns.Count; i++)
            foreach (var name in columns[i].Aliases.Prepend(columns[i].Name))
                if (!lookup.TryAdd(Normalize(name), i))
                    throw new ArgumentException($"Column name or alias '{name}' is used twice.", nameof(columns));

        var found = columns.Select(_ => new List<int>()).ToArray();
        var ignored = new List<string>();
        for (var i = 0; i < header.ColumnCount; i++)
        {
            if (header.GetString(i) is not { } text)
                continue;
            if (lookup.TryGetValue(Normalize(text), out var expected))
                found[expected].Add(i);
            else
                ignored.Add(text);
        }

        var errors = new List<CellError>();
        var indexes = new Dictionary<string, int>();
        for (var i = 0; i < columns.Count; i++)
        {
            var name = columns[i].Name;
            switch (found[i].Count)
            {
                case 0 when columns[i].Required:
                    errors.Add(new CellError(header.Number, name, $"缺少列：{name}"));
                    break;
                case 1:
                    indexes[name] = found[i][0];
                    break;
                case > 1:
                    errors.Add(new CellError(header.Number, name,
                        $"列重复：{name}（{string.Join("、", found[i].Select(XlsxColumnLetters.ToLetters))} 列），请只保留一列"));
                    break;
            }
        }
        return new XlsxHeaderMap(header.Number, indexes, errors, ignored);
    }

    internal static string Normalize(string header)
    {
        var text = new StringBuilder(header.Length);
        foreach (var c in HalfWidth.Of(header))
            if (!char.IsWhiteSpace(c))
                text.Append(char.ToLowerInvariant(c));
        return text.ToString().Trim('*');
    }
}

/// <summary>Where each expected column is (by its <see cref="XlsxImportColumn.Name"/>), or what is wrong with the header.</summary>
public sealed class XlsxHeaderMap(int row, IReadOnlyDictionary<string, int> columns, IReadOnlyList<CellError> errors, IReadOnlyList<string> ignored)
{
    /// <summary>The header's Excel row number.</summary>
    public int Row { get; } = row;

    /// <summary>0-based column index by expected column name; an optional column absent from the file is not here.</summary>
    public IReadOnlyDictionary<string, int> Columns { get; } = columns;

    /// <summary>Missing and duplicate columns, e.g. 缺少列：身份证号.</summary>
    public IReadOnlyList<CellError> Errors { get; } = errors;

    /// <summary>Headers in the file that match no expected column, so a page can say they were not imported.</summary>
    public IReadOnlyList<string> Ignored { get; } = ignored;

    public bool IsSuccess => Errors.Count == 0;

    public bool TryGetIndex(string name, out int index) => Columns.TryGetValue(name, out index);
}
