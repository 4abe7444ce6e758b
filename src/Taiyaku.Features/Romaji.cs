using System.Buffers;

namespace Taiyaku.Features;

/// <summary>
/// Romanisation of katakana and hiragana in the simplified Hepburn used by English texts about Japan
/// (long vowels unmarked: トウキョウ → <c>tokyo</c>, コンピューター → <c>konpyuta</c>). Thread-safe.
/// </summary>
public static class Romaji
{
    // Hiragana U+3041..U+3096 in code-point order; katakana are mapped onto these (U+30A1..U+30F6 = hiragana + 0x60).
    // Small vowels and small ya/yu/yo are handled as combining marks before this table is consulted.
    private static readonly string[] Syllables =
    [
        "a", "a", "i", "i", "u", "u", "e", "e", "o", "o",                    // ぁあぃいぅうぇえぉお
        "ka", "ga", "ki", "gi", "ku", "gu", "ke", "ge", "ko", "go",          // か..ご
        "sa", "za", "shi", "ji", "su", "zu", "se", "ze", "so", "zo",         // さ..ぞ
        "ta", "da", "chi", "ji", "", "tsu", "zu", "te", "de", "to", "do",    // た..ど (っ is handled before lookup)
        "na", "ni", "nu", "ne", "no",                                        // な..の
        "ha", "ba", "pa", "hi", "bi", "pi", "fu", "bu", "pu",                // は..ぷ
        "he", "be", "pe", "ho", "bo", "po",                                  // へ..ぽ
        "ma", "mi", "mu", "me", "mo",                                        // ま..も
        "ya", "ya", "yu", "yu", "yo", "yo",                                  // ゃやゅゆょよ
        "ra", "ri", "ru", "re", "ro",                                        // ら..ろ
        "wa", "wa", "i", "e", "o", "n",                                      // ゎわゐゑをん
        "vu", "ka", "ke",                                                    // ゔゕゖ
    ];

    private const char FirstKana = '\u3041';
    private const char LastKana = '\u3096';

    /// <summary>
    /// Romanises a kana word or phrase: lower-case ASCII letters, an apostrophe after <c>n</c> before a vowel or
    /// <c>y</c> (<c>kin'yo</c>), and single spaces where the input has word separators (・, ･ or ＝), e.g.
    /// アシカガ・タカウジ → <c>ashikaga takauji</c>.
    /// </summary>
    /// <param name="kana">Katakana and/or hiragana, optionally with ー, iteration marks (ゝゞヽヾ) and separators.</param>
    /// <returns>The romanisation, or the empty string when the input is empty or holds anything else (kanji, Latin,
    /// digits, half-width katakana, spaces).</returns>
    /// <remarks>
    /// Long vowels are written short, as in English spellings of Japanese names: ー is dropped, and う after an
    /// o- or u-syllable and お after an o-syllable are dropped (キョウト → <c>kyoto</c>, おおさか → <c>osaka</c>);
    /// ei and ii are kept (<c>seimei</c>, <c>niigata</c>). This is wrong for the rare o-u across a morpheme
    /// boundary in verbs (おもう → <c>omo</c>), which do not occur in names. Sokuon doubles the next consonant
    /// (<c>ch</c> → <c>tch</c>); ン is always <c>n</c>.
    /// </remarks>
    public static string FromKana(ReadOnlySpan<char> kana)
    {
        if (kana.IsEmpty) return string.Empty;
        char[]? rented = null;
        int capacity = MaxLength(kana.Length);
        Span<char> buffer = capacity <= 256 ? stackalloc char[capacity] : (rented = ArrayPool<char>.Shared.Rent(capacity));
        try
        {
            int n = Write(kana, buffer);
            return n <= 0 ? string.Empty : new string(buffer[..n]);
        }
        finally
        {
            if (rented != null) ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Splits the romanisation of <paramref name="kana"/> into its words (at ・, ･ and ＝), e.g.
    /// アシカガ・タカウジ → [<c>ashikaga</c>, <c>takauji</c>].
    /// </summary>
    /// <param name="kana">Katakana and/or hiragana as for <see cref="FromKana"/>.</param>
    /// <returns>The words, or an empty array when <see cref="FromKana"/> gives the empty string.</returns>
    public static string[] SplitWords(ReadOnlySpan<char> kana)
    {
        string all = FromKana(kana);
        return all.Length == 0 ? [] : all.Split(' ');
    }

    /// <summary>An upper bound of the romanised length of <paramref name="kanaLength"/> kana.</summary>
    internal static int MaxLength(int kanaLength) => kanaLength * 4 + 1;

    /// <summary>True for the word separators inside katakana names.</summary>
    internal static bool IsSeparator(char c) => c is '・' or '･' or '＝';

    /// <summary>
    /// Writes the romanisation of <paramref name="kana"/> into <paramref name="destination"/> (at least
    /// <see cref="MaxLength"/> long). Returns the length written, 0 when there is no letter, or -1 when the input
    /// holds a character other than kana, ー, iteration marks and separators.
    /// </summary>
    internal static int Write(ReadOnlySpan<char> kana, Span<char> destination)
    {
        Span<char> combined = stackalloc char[4];
        int n = 0;
        int wordStart = 0;        // where the current word starts in destination
        int afterSyllabicN = -1;  // n just after a written ん, for the apostrophe
        bool geminate = false;    // a pending っ
        bool lengthened = false;  // the previous vowel kana was absorbed as a long vowel
        char previous = '\0';     // the previous full kana as hiragana, for iteration marks
        for (int i = 0; i < kana.Length; i++)
        {
            char c = kana[i];
            if (IsSeparator(c))
            {
                geminate = false;
                previous = '\0';
                if (n > wordStart) destination[n++] = ' ';
                wordStart = n;
                lengthened = false;
                continue;
            }
            if (c == 'ー') continue;

            scoped ReadOnlySpan<char> syllable;
            char h;
            if (c is >= 'ヷ' and <= 'ヺ')
            {
                h = 'ゔ';
                syllable = VaRow[c - 'ヷ'];
            }
            else
            {
                h = ToHiragana(c);
                if (h is 'ゝ' or 'ゞ')
                {
                    if (previous == '\0') return -1;
                    h = h == 'ゞ' ? ToVoiced(previous) : ToUnvoiced(previous);
                }
                else if (h is < FirstKana or > LastKana)
                {
                    return -1;
                }
                if (h == 'っ')
                {
                    geminate = true;
                    continue;
                }
                syllable = Syllables[h - FirstKana];
                if (i + 1 < kana.Length && !IsSmall(h))
                {
                    int len = Combine(syllable, ToHiragana(kana[i + 1]), combined);
                    if (len > 0)
                    {
                        syllable = combined[..len];
                        i++;
                    }
                }
            }
            previous = h;

            // Long vowels spelt with kana (おう, うう, おお) are written short, like ー; only one vowel is absorbed,
            // so ほうおう gives hoo.
            if (!geminate && !lengthened && n > wordStart && syllable.Length == 1
                && ((h == 'う' && destination[n - 1] is 'o' or 'u') || (h == 'お' && destination[n - 1] == 'o')))
            {
                lengthened = true;
                continue;
            }
            lengthened = false;

            if (geminate)
            {
                geminate = false;
                if (!IsVowel(syllable[0])) destination[n++] = syllable[0] == 'c' ? 't' : syllable[0];
            }
            if (afterSyllabicN == n && (IsVowel(syllable[0]) || syllable[0] == 'y')) destination[n++] = '\'';
            syllable.CopyTo(destination[n..]);
            n += syllable.Length;
            if (h == 'ん') afterSyllabicN = n;
        }
        if (n > 0 && destination[n - 1] == ' ') n--;
        return n;
    }

    private static readonly string[] VaRow = ["va", "vi", "ve", "vo"];

    /// <summary>Combines a kana's syllable with a following small kana (キャ kya, ファ fa, ティ ti, ウィ wi); 0 when they do not combine.</summary>
    private static int Combine(ReadOnlySpan<char> syllable, char next, Span<char> destination)
    {
        char v;
        switch (next)
        {
            case 'ゃ' or 'ゅ' or 'ょ':
                v = next == 'ゃ' ? 'a' : next == 'ゅ' ? 'u' : 'o';
                if (syllable is "shi" or "chi" or "ji") return Concat(syllable[..^1], v, destination);
                if (syllable.Length == 2 && syllable[1] == 'i') return Concat(syllable[..1], 'y', v, destination);
                if (syllable is "te" or "de" or "fu" or "vu") return Concat(syllable[..1], 'y', v, destination);
                return 0;
            case 'ぁ' or 'ぃ' or 'ぅ' or 'ぇ' or 'ぉ':
                v = Syllables[next - FirstKana][0];
                if (syllable is "u") return v == 'u' ? 0 : Concat("w", v, destination);
                if (syllable is "i") return v == 'e' ? Concat("y", v, destination) : 0;
                if (syllable is "shi" or "chi" or "ji") return v == 'e' ? Concat(syllable[..^1], v, destination) : 0;
                if (syllable.Length == 2 && syllable[1] == 'i') return v == 'e' ? Concat(syllable[..1], 'y', v, destination) : 0;
                if (syllable is "fu" or "vu" or "tsu") return v == 'u' ? 0 : Concat(syllable[..^1], v, destination);
                if (syllable is "te" or "de") return v is 'i' or 'u' ? Concat(syllable[..1], v, destination) : 0;
                if (syllable is "to" or "do") return v == 'u' ? Concat(syllable[..1], v, destination) : 0;
                if (syllable is "su" or "zu") return v == 'i' ? Concat(syllable[..1], v, destination) : 0;
                if (syllable is "ku" or "gu") return v == 'u' ? 0 : Concat(syllable[..1], 'w', v, destination);
                return 0;
            case 'ゎ':
                return syllable is "ku" or "gu" ? Concat(syllable[..1], 'w', 'a', destination) : 0;
            default:
                return 0;
        }
    }

    private static int Concat(ReadOnlySpan<char> head, char v, Span<char> destination)
    {
        head.CopyTo(destination);
        destination[head.Length] = v;
        return head.Length + 1;
    }

    private static int Concat(ReadOnlySpan<char> head, char glide, char v, Span<char> destination)
    {
        head.CopyTo(destination);
        destination[head.Length] = glide;
        destination[head.Length + 1] = v;
        return head.Length + 2;
    }

    private static bool IsVowel(char c) => c is 'a' or 'i' or 'u' or 'e' or 'o';

    private static bool IsSmall(char h) => h is 'ぁ' or 'ぃ' or 'ぅ' or 'ぇ' or 'ぉ' or 'ゃ' or 'ゅ' or 'ょ' or 'ゎ' or 'ゕ' or 'ゖ';

    /// <summary>Katakana (and the katakana iteration marks) as hiragana; other characters as '\0'.</summary>
    internal static char ToHiragana(char c) => c switch
    {
        >= FirstKana and <= LastKana => c,
        'ゝ' or 'ゞ' => c,
        >= 'ァ' and <= 'ヶ' => (char)(c - 0x60),
        'ヽ' => 'ゝ',
        'ヾ' => 'ゞ',
        _ => '\0',
    };

    private const string UnvoicedKana = "かきくけこさしすせそたちつてとはひふへほ";

    private static char ToVoiced(char h) => UnvoicedKana.Contains(h) ? (char)(h + 1) : h;

    private static char ToUnvoiced(char h) =>
        UnvoicedKana.Contains((char)(h - 1)) ? (char)(h - 1)
        : h is 'ぱ' or 'ぴ' or 'ぷ' or 'ぺ' or 'ぽ' ? (char)(h - 2)
        : h;
}
