namespace Taiyaku.Features;

/// <summary>
/// Coarse consonant-skeleton keys that are equal for a katakana word and its English spelling, to use katakana
/// names and loanwords as alignment anchors: アブラハム and Abraham, キョウト and Kyoto, コンピューター and
/// computer, ベツレヘム and Bethlehem, きよみずでら and Kiyomizu-dera all give equal keys. Stateless and thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// Both sides are reduced to a string of consonant classes: vowels, w and silent letters are dropped; l/r,
/// b/v, p/f/ph, s/z/sh, k/c/q/ch each count as one class; ts is t; doubled consonants count once. A y after a
/// consonant (キャ, Kyoto), a final ヤ (サマリヤ Samaria, Elijah) and the Je- of Hebrew names (Jerusalem) are
/// dropped; a coda r or l (card, Carmel) and the ル that renders it (カルメル) are dropped; so are a final -s
/// (Moses, Festus) and a final ス. ン before b, p, m is m. English soft c, -tion, -sion and silent letters
/// (gn, kn, mb, gh, ps) are read as pronounced. Katakana is read through <see cref="Romaji"/>.
/// </para>
/// <para>
/// A key needs three consonants. Two-consonant skeletons are common among English words (s-n: son, sin), so
/// they give a key only with the vowel after the first consonant added, and on the English side only for
/// capitalised words (names): Jacob/ヤコブ and Kyoto/キョウト have keys, "son" has none. Shorter skeletons
/// give no key.
/// </para>
/// <para>
/// Measured on 243 katakana/kana names and loanwords with their English spellings from the Bible and Kyoto
/// Wikipedia corpora (tests/Taiyaku.Features.Tests/TestData/name-pairs.tsv): 80% of the pairs get equal keys;
/// of the 200 most frequent English content words, 73 have a key and 8 (word, katakana) pairs of 200 × 243
/// collide (sent/センター, wisdom/ソドム, place/パリサイ, ...); capitalised, 24 collide. Not handled:
/// transliterations that change consonants (ヨハネ John, エチオピヤ Ethiopia, ペテロ Peter), soft g (エジプト
/// Egypt), a ル that renders onset r + u (エルサレム Jerusalem), and words shortened in katakana (テレビ).
/// </para>
/// </remarks>
public static class PhoneticKey
{
    private const int MaxInput = 48;

    /// <summary>Gets the key of a kana word.</summary>
    /// <param name="kana">Katakana and/or hiragana (ー allowed). Separators (・) are ignored, so a whole name gives
    /// one key; use <see cref="AddKanaWordKeys"/> for a key per part.</param>
    /// <param name="key">The key, or 0.</param>
    /// <returns>False when the input is not kana (see <see cref="Romaji.FromKana"/>), is longer than 48
    /// characters, or its skeleton is too short to be distinctive.</returns>
    public static bool TryFromKana(ReadOnlySpan<char> kana, out ulong key)
    {
        Span<char> skeleton = stackalloc char[MaxInput * 2];
        int n = SkeletonFromKana(kana, skeleton);
        key = n > 0 ? Hash(skeleton[..n]) : 0;
        return n > 0;
    }

    /// <summary>
    /// Adds the key of each part of a kana name separated by ・ (アシカガ・タカウジ → the keys of Ashikaga and
    /// Takauji); parts without a key are skipped.
    /// </summary>
    /// <param name="kana">Katakana and/or hiragana with optional separators (・, ･, ＝).</param>
    /// <param name="keys">Receives the keys.</param>
    public static void AddKanaWordKeys(ReadOnlySpan<char> kana, ICollection<ulong> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        int start = 0;
        for (int i = 0; i <= kana.Length; i++)
        {
            if (i < kana.Length && !Romaji.IsSeparator(kana[i])) continue;
            if (i > start && TryFromKana(kana[start..i], out ulong key)) keys.Add(key);
            start = i + 1;
        }
    }

    /// <summary>Gets the key of an English (Latin-script) word or name.</summary>
    /// <param name="word">The word as written: ASCII letters, with hyphens, spaces and apostrophes ignored
    /// (Kiyomizu-dera, cable car). Capitalisation matters: two-consonant skeletons give a key only for words that
    /// start with a capital letter.</param>
    /// <param name="key">The key, or 0.</param>
    /// <returns>False when the input holds other characters, is longer than 48 characters, or its skeleton is too
    /// short to be distinctive.</returns>
    public static bool TryFromLatin(ReadOnlySpan<char> word, out ulong key)
    {
        Span<char> skeleton = stackalloc char[MaxInput * 2];
        int n = SkeletonFromLatin(word, skeleton);
        key = n > 0 ? Hash(skeleton[..n]) : 0;
        return n > 0;
    }

    /// <summary>The skeleton behind <see cref="TryFromKana"/> (empty when there is no key), for tests and debugging.</summary>
    internal static string SkeletonOfKana(ReadOnlySpan<char> kana)
    {
        Span<char> s = stackalloc char[MaxInput * 2];
        int n = SkeletonFromKana(kana, s);
        return n > 0 ? new string(s[..n]) : "";
    }

    /// <summary>The skeleton behind <see cref="TryFromLatin"/> (empty when there is no key), for tests and debugging.</summary>
    internal static string SkeletonOfLatin(ReadOnlySpan<char> word)
    {
        Span<char> s = stackalloc char[MaxInput * 2];
        int n = SkeletonFromLatin(word, s);
        return n > 0 ? new string(s[..n]) : "";
    }

    // Both sides are first written as tokens: consonant classes in upper case (K G S T D N M H P B R, Y for the
    // glide y, J for j), vowels in lower case, '_' for a dropped coda r or l. Finish turns tokens into a skeleton.

    private static int SkeletonFromKana(ReadOnlySpan<char> kana, Span<char> skeleton)
    {
        if (kana.IsEmpty || kana.Length > MaxInput) return 0;
        Span<char> romaji = stackalloc char[Romaji.MaxLength(kana.Length)];
        int n = Romaji.Write(kana, romaji);
        if (n <= 0) return 0;
        ReadOnlySpan<char> r = romaji[..n];
        Span<char> t = stackalloc char[r.Length];
        int m = 0;
        for (int i = 0; i < r.Length; i++)
        {
            char c = r[i];
            char next = i + 1 < r.Length ? r[i + 1] : '\0';
            char prev = i > 0 ? r[i - 1] : '\0';
            switch (c)
            {
                case 'a' or 'i' or 'u' or 'e' or 'o':
                    t[m++] = c;
                    break;
                case ' ' or '\'' or 'w':
                    break;
                case 's' when next == 'u' && i + 2 == r.Length:
                    i++; // a final ス usually renders a final -s, which katakana also often leaves out (フェスト Festus)
                    break;
                case 's' or 'c' when next == 'h':
                    t[m++] = c == 's' ? 'S' : 'K';
                    i++;
                    break;
                case 't' when next == 's':
                    t[m++] = 'T';
                    i++;
                    break;
                case 'y':
                    t[m++] = 'Y';
                    break;
                case 'j' when i == 0 && next == 'e':
                    break; // as English Je-
                case 'j':
                    t[m++] = 'J';
                    break;
                case 'n':
                    t[m++] = next is 'b' or 'p' or 'm' ? 'M' : 'N'; // シンボル symbol, インマヌエル Immanuel
                    break;
                case 'r' when next == 'u' && prev is 'a' or 'e' or 'i' or 'o' && IsCoda(r, i + 2):
                    t[m++] = '_'; // ル closing a syllable renders a coda r or l (カルメル Carmel, イスラエル Israel)
                    i++;
                    break;
                default:
                    t[m++] = Class(c);
                    break;
            }
        }
        return Finish(t[..m], skeleton, allowShort: true);
    }

    /// <summary>True when position <paramref name="i"/> (after ru) is the end or a consonant, but not the n of ルン.</summary>
    private static bool IsCoda(ReadOnlySpan<char> r, int i)
    {
        if (i >= r.Length) return true;
        char c = r[i];
        if (IsVowel(c) || c is 'y' or '\'') return false;
        if (c == 'n') return i + 1 < r.Length && (IsVowel(r[i + 1]) || r[i + 1] == 'y');
        return true;
    }

    private static int SkeletonFromLatin(ReadOnlySpan<char> word, Span<char> skeleton)
    {
        if (word.IsEmpty || word.Length > MaxInput) return 0;
        Span<char> w = stackalloc char[word.Length];
        int n = 0;
        foreach (char ch in word)
        {
            if (char.IsAsciiLetter(ch)) w[n++] = char.ToLowerInvariant(ch);
            else if (ch is not ('-' or ' ' or '\'' or '’')) return 0;
        }
        if (n == 0) return 0;
        w = w[..n];
        Span<char> t = stackalloc char[w.Length * 2];
        int m = 0;
        for (int i = 0; i < w.Length; i++)
        {
            char c = w[i];
            char next = i + 1 < w.Length ? w[i + 1] : '\0';
            char prev = i > 0 ? w[i - 1] : '\0';
            switch (c)
            {
                case 'a' or 'e' or 'i' or 'o' or 'u':
                    t[m++] = c;
                    break;
                case 'y':
                    t[m++] = IsVowel(next) ? 'Y' : 'i';
                    break;
                case 'w':
                    if (next == 'h') i++;
                    break;
                case 'h':
                    if (IsVowel(next) || next == 'y') t[m++] = 'H'; // Abraham; silent in Nineveh, Sarah, John
                    break;
                case 'c':
                    if (next is 'h' or 'k') i++;
                    t[m++] = next is 'e' or 'i' or 'y' ? 'S' : 'K'; // ch is k in Biblical names (Rachel ラケル)
                    break;
                case 's' when i + 1 == w.Length || (next == 's' && i + 2 == w.Length):
                    i = w.Length; // a final -s or -ss (Moses モーセ, access アクセス)
                    break;
                case 's':
                    if (next == 'h') i++;
                    t[m++] = next == 'i' && IsVowel(prev) && i + 3 < w.Length && w[i + 2] == 'o' && w[i + 3] == 'n'
                        ? 'J' // -sion after a vowel (television テレビジョン)
                        : 'S';
                    break;
                case 't':
                    if (next is 'h' or 's') i++;
                    t[m++] = next == 'i' && i > 0 && i + 3 < w.Length && w[i + 2] is 'o' or 'a' && w[i + 3] == 'n'
                        ? 'S' // -tion, -tian
                        : 'T';
                    break;
                case 'p':
                    if (next == 'h') i++;
                    if (i > 0 || next != 's') t[m++] = 'P'; // silent p of psalm
                    break;
                case 'g':
                    if (next == 'h') { if (i == 0) t[m++] = 'G'; i++; } // silent gh of night
                    else if (next != 'n' || (i != 0 && i + 2 != w.Length)) t[m++] = 'G'; // silent g of gnome, design
                    break;
                case 'k':
                    if (next == 'h') i++;
                    if (i > 0 || next != 'n') t[m++] = 'K'; // silent k of knee
                    break;
                case 'x':
                    if (i > 0) t[m++] = 'K';
                    if (i == 0 || i + 1 < w.Length) t[m++] = 'S'; // a final x loses its s like a final -s (Felix ペリクス)
                    break;
                case 'j' when i == 0 && next == 'e':
                    break; // Hebrew Je- is エ (Jerusalem エルサレム, Jericho エリコ)
                case 'j':
                    t[m++] = i + 3 == w.Length && next == 'a' && w[i + 2] == 'h' ? 'Y' : 'J'; // -jah is ヤ (Elijah エリヤ)
                    break;
                case 'r' or 'l':
                    if (c == 'r' && next == 'h')
                    {
                        i++;
                        next = i + 1 < w.Length ? w[i + 1] : '\0';
                    }
                    // A coda r or l (card カード, Carmel カルメル, Takaharu たかはる) and a syllabic -le (cable
                    // ケーブル) are dropped, as is the ル that renders them.
                    bool afterVowel = IsVowel(prev) || prev == 'y';
                    bool beforeConsonant = !IsVowel(next) && next != 'y' && next != c;
                    if ((afterVowel && (beforeConsonant || (next == 'u' && i + 2 == w.Length)))
                        || (c == 'l' && next == 'e' && i + 2 == w.Length))
                    {
                        t[m++] = '_';
                        if (next == 'u') i++;
                        break;
                    }
                    t[m++] = 'R';
                    break;
                case 'n':
                    t[m++] = next is 'b' or 'p' ? 'M' : 'N';
                    break;
                case 'm':
                    t[m++] = 'M';
                    if (next == 'b' && i + 2 == w.Length) i++; // lamb
                    break;
                default:
                    t[m++] = Class(c);
                    break;
            }
        }
        return Finish(t[..m], skeleton, allowShort: char.IsAsciiLetterUpper(word[0]));
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static char Class(char c) => c switch
    {
        'k' or 'q' => 'K',
        'g' => 'G',
        's' or 'z' => 'S',
        't' => 'T',
        'd' => 'D',
        'n' => 'N',
        'm' => 'M',
        'h' => 'H',
        'p' or 'f' => 'P', // old Biblical katakana writes p for ph and f (パロ Pharaoh, ペリクス Felix)
        'b' or 'v' => 'B',
        'r' or 'l' => 'R',
        _ => '?',
    };

    /// <summary>Applies the rules shared by both scripts and writes the skeleton; returns its length, or 0 for no key.</summary>
    private static int Finish(Span<char> t, Span<char> skeleton, bool allowShort)
    {
        // y after a consonant is palatalisation (キャンパス campus, キョウト Kyoto); a final ヤ renders -ia(h).
        for (int i = 0; i < t.Length; i++)
        {
            if (t[i] != 'Y') continue;
            bool afterConsonant = i > 0 && !IsVowel(t[i - 1]) && t[i - 1] != '_';
            t[i] = afterConsonant || OnlyVowelsAfter(t, i) ? '_' : 'J';
        }

        int n = 0;
        int consonants = 0;
        char vowel = '\0'; // the vowel after the first consonant
        bool vowelSince = true;
        foreach (char c in t)
        {
            if (c == '_') continue;
            if (IsVowel(c))
            {
                vowelSince = true;
                if (consonants == 1 && vowel == '\0') vowel = c;
                continue;
            }
            if (n > 0 && skeleton[n - 1] == c && !vowelSince) continue; // doubled consonants, ッ
            if (consonants == 1 && vowel == '\0') vowel = '-';
            skeleton[n++] = c;
            consonants++;
            vowelSince = false;
        }
        if (consonants >= 3) return n;
        if (consonants == 2 && allowShort)
        {
            // u is often epenthetic in katakana (イスラエル i-s-u-r), so it counts as no vowel, like a cluster.
            skeleton[n++] = vowel is 'u' or '\0' ? '-' : vowel;
            return n;
        }
        return 0;
    }

    private static bool OnlyVowelsAfter(ReadOnlySpan<char> t, int i)
    {
        for (int k = i + 1; k < t.Length; k++)
        {
            if (!IsVowel(t[k]) && t[k] != '_') return false;
        }
        return true;
    }

    /// <summary>64-bit FNV-1a of the skeleton.</summary>
    private static ulong Hash(ReadOnlySpan<char> s)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in s)
        {
            h ^= c;
            h *= 1099511628211UL;
        }
        return h;
    }
}
