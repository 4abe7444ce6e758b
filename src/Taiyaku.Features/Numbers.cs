namespace Taiyaku.Features;

/// <summary>
/// Numbers mentioned in a Japanese or an English sentence, normalised to their value so that the same quantity
/// gives the same <see cref="decimal"/> on both sides (６兆円 and "6 trillion yen" both give 6000000000000,
/// 九百六十九歳 and "nine hundred sixty-nine years" both give 969). Stateless and thread-safe.
/// </summary>
/// <remarks>
/// Precision is preferred to recall: a value is produced only where the text is clearly a number. Values are
/// normalised (no trailing fractional zeros: "2.50" gives 2.5). Signs are ignored. The value 1 is never taken
/// from words (一, "one", "first"), only from digits: 一 and "one" are too often not numbers (一緒, 統一,
/// "no one", "one of them"), and excluding both keeps the two sides symmetric.
/// </remarks>
public static partial class Numbers
{
    /// <summary>Digits in a number above which it is not read (a serial number, not a quantity).</summary>
    private const int MaxDigits = 20;

    /// <summary>True for ASCII and full-width digits.</summary>
    private static bool IsDigit(char c) => c is (>= '0' and <= '9') or (>= '０' and <= '９');

    private static int DigitValue(char c) => c <= '9' ? c - '0' : c - '０';

    /// <summary>
    /// Reads the digits starting at <paramref name="start"/> (which must be a digit): thousands separators
    /// (<c>,</c> or <c>，</c> followed by exactly three digits) and one decimal point (<c>.</c> or <c>．</c>
    /// followed by a digit). Returns the end; <paramref name="value"/> is -1 when there are too many digits.
    /// </summary>
    private static int ScanDigits(ReadOnlySpan<char> text, int start, out decimal value)
    {
        decimal v = 0;
        int digits = 0;
        int i = start;
        while (true)
        {
            while (i < text.Length && IsDigit(text[i]))
            {
                if (++digits <= MaxDigits) v = v * 10 + DigitValue(text[i]);
                i++;
            }
            if (i + 3 < text.Length && text[i] is ',' or '，'
                && IsDigit(text[i + 1]) && IsDigit(text[i + 2]) && IsDigit(text[i + 3])
                && (i + 4 >= text.Length || !IsDigit(text[i + 4])))
            {
                i++;
                continue;
            }
            break;
        }
        if (i + 1 < text.Length && text[i] is '.' or '．' && IsDigit(text[i + 1]))
        {
            i++;
            decimal scale = 1;
            while (i < text.Length && IsDigit(text[i]))
            {
                if (++digits <= MaxDigits + 8)
                {
                    scale /= 10;
                    v += DigitValue(text[i]) * scale;
                }
                i++;
            }
        }
        value = digits > MaxDigits ? -1 : v;
        return i;
    }

    /// <summary>Removes trailing fractional zeros so that equal quantities have equal representations.</summary>
    private static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;
}
