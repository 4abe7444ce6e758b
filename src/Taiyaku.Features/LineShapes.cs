using System.Text;

namespace Taiyaku.Features;

/// <summary>
/// Tells the <see cref="LineShape"/> of a sentence or line from its characters alone. Stateless and thread-safe.
/// </summary>
public static class LineShapes
{
    // Opening brackets and, at the same index, their closing ones (ASCII, fullwidth and CJK).
    private const string Open = "([{（［｛【〔〖「『〈《";
    private const string Close = ")]}）］｝】〕〗」』〉》";

    /// <summary>The shape of a Japanese line.</summary>
    public static LineShape OfJapanese(string line) => Of(line, japanese: true);

    /// <summary>The shape of an English line.</summary>
    public static LineShape OfEnglish(string line) => Of(line, japanese: false);

    private static LineShape Of(string line, bool japanese)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = line.AsSpan().Trim();
        if (text.IsEmpty) return LineShape.Ordinary;
        int own = 0;
        bool lower = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (japanese ? IsJapanese(rune) : IsLatin(rune)) own++;
            lower |= Rune.IsLower(rune);
        }
        if (own == 0) return LineShape.OtherScript;
        if (IsBracketed(text)) return LineShape.Bracketed;
        if (!japanese && own >= 2 && !lower) return LineShape.Capitals;
        return LineShape.Ordinary;
    }

    /// <summary>Kana or kanji (the iteration marks 々 and 〆 with them).</summary>
    private static bool IsJapanese(Rune r) => r.Value is
        (>= 0x3040 and <= 0x30FF)      // hiragana, katakana
        or (>= 0x31F0 and <= 0x31FF)   // katakana extensions
        or (>= 0xFF66 and <= 0xFF9F)   // halfwidth katakana
        or (>= 0x3400 and <= 0x4DBF)   // CJK extension A
        or (>= 0x4E00 and <= 0x9FFF)   // CJK unified ideographs
        or (>= 0xF900 and <= 0xFAFF)   // CJK compatibility ideographs
        or (>= 0x20000 and <= 0x3FFFF) // CJK extensions B and on
        or 0x3005 or 0x3006;

    /// <summary>A Latin letter, ASCII, accented or fullwidth.</summary>
    private static bool IsLatin(Rune r) =>
        Rune.IsLetter(r) && (r.Value < 0x0250 || r.Value is (>= 0x1E00 and <= 0x1EFF) or (>= 0xFF21 and <= 0xFF3A) or (>= 0xFF41 and <= 0xFF5A));

    /// <summary>The line opens with a bracket that first closes at its last character.</summary>
    private static bool IsBracketed(ReadOnlySpan<char> text)
    {
        int kind = Open.IndexOf(text[0]);
        if (kind < 0 || text.Length < 2 || text[^1] != Close[kind]) return false;
        char open = Open[kind], close = Close[kind];
        int depth = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == open) depth++;
            else if (text[i] == close && --depth == 0) return i == text.Length - 1;
        }
        return false;
    }
}
