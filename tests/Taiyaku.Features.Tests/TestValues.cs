using System.Globalization;

namespace Taiyaku.Features.Tests;

/// <summary>Helpers to write expected number lists as strings in test data.</summary>
internal static class TestValues
{
    /// <summary>"1,2.5" → [1, 2.5]; "" → [].</summary>
    public static decimal[] Parse(string values) =>
        values.Length == 0
            ? []
            : Array.ConvertAll(values.Split('|'), v => decimal.Parse(v, NumberStyles.Number, CultureInfo.InvariantCulture));

    public static decimal[] Japanese(string text)
    {
        var values = new List<decimal>();
        Numbers.ExtractJapanese(text, values);
        return [.. values];
    }

    public static decimal[] English(string text)
    {
        var values = new List<decimal>();
        Numbers.ExtractEnglish(text, values);
        return [.. values];
    }
}
