namespace Taiyaku.Features;

public static partial class Numbers
{
    // Single kanji numerals are accepted only before one of these (or kana, a katakana unit, punctuation).
    private const string Counters =
        "人名年月日時分秒歳才倍度回個本枚頭匹羽冊台軒階代世円里歩尺寸丈升斗石貫両銭部巻章節番号箇週点"
        + "種通件社基隻艘棟首句字行編体柱座杯着足面畳坪町反曲戦勝敗組隊期次周晩夜斤等粒房束脚膳箱袋割列対区丁室音男女";

    // Kanji before a numeral that do not make it part of a word (第三, 約五十, 各二人).
    private const string Prefixes = "第約計各毎満全僅";

    // Kanji around a numeral that make it vague (数十, 何百, 幾千, 十数人).
    private const string Vague = "数何幾";

    // Words that start with a numeral but are not quantities (十分 "enough", 万一 "in case", 十字架 "cross").
    private static readonly string[] NotNumbers =
    [
        "十分", "十字", "万歳", "万年", "万里", "万代", "万世", "万一", "万が一", "千代", "千歳", "二度と", "三日月", "五月雨",
        "八百万の神", "八百屋",
        // Kyoto and other place names.
        "百万遍", "千本", "三年坂", "二年坂", "三十三間堂", "四日市", "五日市", "八日市", "十日町",
    ];

    /// <summary>
    /// Appends every number mentioned in a Japanese sentence: ASCII and full-width digits (with <c>,</c> <c>，</c>
    /// separators and <c>.</c> <c>．</c> decimal points), kanji numerals (〇零一二三四五六七八九十百千 and 拾廿),
    /// the scales 万 億 兆, and mixtures of them (7億8千万 → 780000000, 1万2000 → 12000, 二十三 → 23,
    /// 千九百八十 → 1980, 一九八〇 → 1980).
    /// </summary>
    /// <param name="text">The sentence.</param>
    /// <param name="values">Receives the values, in order of appearance.</param>
    /// <remarks>
    /// Numbers with digits are always taken, except era years: a number of at most 64 directly after a kanji
    /// (other than 第約計各毎満全僅) and before 年 or a closing bracket (応永27年, 文明13）), which English
    /// translations replace by the Western year. Kanji numerals are taken when
    /// <list type="bullet">
    /// <item>their value is at least 2 (一 alone, 一つ and 一人 are never taken);</item>
    /// <item>they are not vague (数十, 何百, 幾千, 十数) nor one of a few words and place names (十分, 十字架,
    /// 万一, 万歳, 千代, 二度と, 八百万の神, 千本, 三年坂, ...) nor an era year (応永二十七年);</item>
    /// <item>they are at least two characters long (五十三, 二千, 一万), or a single character that is not part
    /// of a kanji word: after 第 (an ordinal: 第七の月 → 7); after another kanji only before a counter or a
    /// katakana unit (板二枚, 環四つ, 幅五キュビト; not 後三条, 九条家, 従五位, 健三は); otherwise before a
    /// counter kanji (人, 年, 日, 倍, 歳, ...), a katakana unit (五キュビト; not 八ッ橋, 三ノ宮), hiragana
    /// (七つ, 千を; but 二..九 not before の: 二の丸), punctuation or the end.</item>
    /// </list>
    /// So 統一, 唯一, 一緒, 九条家, 三重県, 八幡宮, 百済, 万軍の主 and 後三条 give nothing. Runs of kanji digits
    /// without a scale are read positionally only when they contain 〇 or are four long (一九九五); 二三, 三五
    /// ("two or three") and 十五六 ("fifteen or sixteen") give nothing. The kana numerals ふたり (two people) and
    /// ふつか (two days) give 2.
    /// </remarks>
    public static void ExtractJapanese(ReadOnlySpan<char> text, ICollection<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        int i = 0;
        while (i < text.Length)
        {
            if (!IsJapaneseNumeral(text[i]))
            {
                // ふたり "two people" and ふつか "two days" are the kana numerals common enough to matter.
                if (text[i] == 'ふ' && (text[(i + 1)..].StartsWith("たり", StringComparison.Ordinal)
                    || text[(i + 1)..].StartsWith("つか", StringComparison.Ordinal)))
                {
                    values.Add(2);
                    i += 3;
                    continue;
                }
                i++;
                continue;
            }
            int end = JapaneseRunEnd(text, i);
            if (TryReadJapanese(text, i, end, out decimal value)) values.Add(Normalize(value));
            i = end;
        }
    }

    private static bool IsJapaneseNumeral(char c) => IsDigit(c) || KanjiDigit(c) >= 0 || KanjiScale(c) > 0;

    /// <summary>0..9 for 〇零一二三四五六七八九, else -1.</summary>
    private static int KanjiDigit(char c) => c switch
    {
        '〇' or '零' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => -1,
    };

    /// <summary>The power of ten of a scale kanji (十拾廿 1, 百 2, 千 3, 万萬 4, 億 8, 兆 12), else 0.</summary>
    private static int KanjiScale(char c) => c switch
    {
        '十' or '拾' or '廿' => 1,
        '百' => 2,
        '千' => 3,
        '万' or '萬' => 4,
        '億' => 8,
        '兆' => 12,
        _ => 0,
    };

    private static decimal Pow10(int e)
    {
        decimal p = 1;
        for (int k = 0; k < e; k++) p *= 10;
        return p;
    }

    /// <summary>The end of the numeral run starting at <paramref name="start"/>; digits are read with their separators.</summary>
    private static int JapaneseRunEnd(ReadOnlySpan<char> text, int start)
    {
        int i = start;
        while (i < text.Length)
        {
            if (IsDigit(text[i]))
            {
                i = ScanDigits(text, i, out _);
            }
            else if (KanjiDigit(text[i]) >= 0 || KanjiScale(text[i]) > 0)
            {
                i++;
            }
            else
            {
                break;
            }
        }
        return i;
    }

    private static bool TryReadJapanese(ReadOnlySpan<char> text, int start, int end, out decimal value)
    {
        ReadOnlySpan<char> run = text[start..end];
        if (!TryParseJapanese(run, out value, out bool hasDigits) || value < 0) return false;

        char before = start > 0 ? text[start - 1] : '\0';
        char after = end < text.Length ? text[end] : '\0';
        bool prefixed = Prefixes.Contains(before);
        if (IsKanji(before) && !prefixed && value <= 64 && value == decimal.Truncate(value)
            && after is '年' or '）' or ')' or '」' or '』' or '〕' or '］')
        {
            return false; // an era year (応永27年); the English gives the Western year instead
        }
        if (hasDigits) return true;

        if (value <= 1) return false;
        if (Vague.Contains(before) || Vague.Contains(after)) return false;
        if (run.Length == 1 && run[0] is '拾' or '廿') return false; // 拾う "pick up"
        ReadOnlySpan<char> rest = text[start..];
        foreach (string word in NotNumbers)
        {
            if (!rest.StartsWith(word, StringComparison.Ordinal)) continue;
            // 十分の一 is a tenth, not "enough".
            if (word == "十分" && rest.Length > 2 && rest[2] == 'の') continue;
            return false;
        }
        if (run.Length >= 2) return true;

        // A single kanji numeral.
        if (before == '第') return true;
        // Katakana after a numeral is a unit (五キュビト), except ッ ツ ノ ヶ of names (八ッ橋, 三ノ宮, 八ヶ岳).
        bool unit = IsKatakana(after) && after is not ('ッ' or 'ツ' or 'ノ' or 'ヶ' or 'ケ' or 'ヵ');
        if (IsKanji(before) && !prefixed) return Counters.Contains(after) || after == 'つ' || unit; // 板二枚; not 健三は
        if (IsKatakana(before) && IsKatakana(after)) return false; // likely 二 for ニ inside a katakana word
        if (IsKanji(after)) return Counters.Contains(after);
        if (IsKatakana(after)) return unit || after is 'ヶ' or 'ケ' or 'ヵ'; // 三ヶ所
        if (IsHiragana(after)) return KanjiScale(run[0]) > 0 || after != 'の';
        return true;
    }

    /// <summary>
    /// Parses a run of digits and kanji numerals. False when the run is not one well-formed number (二三,
    /// 十五六, 十百). <paramref name="value"/> is -1 for numbers with too many digits.
    /// </summary>
    private static bool TryParseJapanese(ReadOnlySpan<char> run, out decimal value, out bool hasDigits)
    {
        value = 0;
        hasDigits = false;

        // Kanji digits only: a single digit, or positional (一九八〇) when it has 〇 or is a four-digit year.
        bool kanjiDigitsOnly = true;
        bool hasZero = false;
        foreach (char c in run)
        {
            int d = KanjiDigit(c);
            if (d < 0)
            {
                kanjiDigitsOnly = false;
                break;
            }
            hasZero |= d == 0;
        }
        if (kanjiDigitsOnly)
        {
            if (run.Length > 1 && !hasZero && run.Length != 4) return false;
            if (run.Length > MaxDigits) return false;
            foreach (char c in run) value = value * 10 + KanjiDigit(c);
            return true;
        }

        decimal total = 0;     // the groups of 万, 億 and 兆 read so far
        decimal section = 0;   // below 万
        decimal current = 0;   // a pending multiplier
        bool hasCurrent = false;
        int lastSmall = int.MaxValue;
        int lastLarge = int.MaxValue;
        int i = 0;
        while (i < run.Length)
        {
            char c = run[i];
            if (IsDigit(c))
            {
                if (hasCurrent) return false;
                i = ScanDigits(run, i, out current);
                if (current < 0)
                {
                    value = -1;
                    return true;
                }
                hasCurrent = true;
                hasDigits = true;
                continue;
            }
            int digit = KanjiDigit(c);
            if (digit >= 0)
            {
                if (hasCurrent) return false;
                current = digit;
                hasCurrent = true;
                i++;
                continue;
            }
            int e = KanjiScale(c);
            if (e < 4)
            {
                if (e >= lastSmall) return false;
                decimal multiplier = c == '廿' ? 2 : hasCurrent ? current : 1;
                if ((c == '廿' && hasCurrent) || multiplier == 0) return false;
                section += multiplier * Pow10(e);
                lastSmall = e;
            }
            else
            {
                if (e >= lastLarge) return false;
                decimal group = section + (hasCurrent ? current : 0);
                if (group == 0)
                {
                    if (i != 0) return false;
                    group = 1; // 万, 億 alone
                }
                total += group * Pow10(e);
                section = 0;
                lastSmall = int.MaxValue;
                lastLarge = e;
            }
            hasCurrent = false;
            current = 0;
            i++;
        }
        value = total + section + current;
        return true;
    }

    private static bool IsKanji(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF') or '々';

    private static bool IsHiragana(char c) => c is >= '\u3041' and <= '\u309F';

    private static bool IsKatakana(char c) => c is (>= '\u30A1' and <= '\u30FF') or (>= '\uFF66' and <= '\uFF9F');
}
