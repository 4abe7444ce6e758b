using System.Collections.Frozen;
using System.IO.Compression;
using System.Text;

namespace Taiyaku.Edict;

/// <summary>
/// Derives the compact lexicon file (UTF-8 TSV <c>key\tword word ...</c>, sorted by key) from an EDICT file. This is how
/// the embedded <c>edict-lexicon.tsv.gz</c> is made (see <c>regenerate.sh</c>); the output depends only on the input.
/// </summary>
public static class EdictConverter
{
    /// <summary>Converts an EUC-JP EDICT file to the lexicon TSV.</summary>
    /// <param name="edictEucJp">The EDICT file, as Debian's <c>/usr/share/edict/edict</c>.</param>
    /// <param name="output">Receives UTF-8-ready text: one <c>key\tword word ...</c> line per key, <c>\n</c> line ends.</param>
    public static void Convert(Stream edictEucJp, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(edictEucJp);
        ArgumentNullException.ThrowIfNull(output);
        Convert(EucJpReader.ReadLines(edictEucJp), output, ConverterSettings.Default);
    }

    /// <summary>Converts an EUC-JP EDICT file to the gzip-compressed UTF-8 lexicon TSV that the package embeds.</summary>
    /// <param name="edictEucJp">The EDICT file.</param>
    /// <param name="destination">Receives the gzip stream; left open.</param>
    public static void ConvertCompressed(Stream edictEucJp, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var gzip = new GZipStream(destination, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        Convert(edictEucJp, writer);
    }

    internal static void Convert(IEnumerable<string> edictLines, TextWriter output, ConverterSettings settings)
    {
        var keys = new Dictionary<string, List<Contribution>>(StringComparer.Ordinal);
        int order = 0;
        foreach (string line in edictLines)
        {
            var entry = EdictParser.Parse(line);
            if (entry == null) continue;
            order++;
            AddEntry(entry, order, keys, settings);
        }

        var sb = new StringBuilder();
        foreach (var (key, contributions) in keys.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            var words = Merge(contributions, settings);
            if (words.Count == 0) continue;
            sb.Clear().Append(key).Append('\t').AppendJoin(' ', words).Append('\n');
            output.Write(sb);
        }
        output.Flush();
    }

    private static void AddEntry(EdictEntry entry, int order, Dictionary<string, List<Contribution>> keys, ConverterSettings settings)
    {
        var all = new List<List<string>>();
        var usuallyKana = new List<List<string>>();
        foreach (var sense in entry.Senses)
        {
            if (all.Count >= settings.MaxSensesPerEntry) break;
            if (!settings.Keeps(sense)) continue;
            var words = new List<string>();
            foreach (string gloss in sense.Glosses)
                foreach (string w in GlossWords.Extract(gloss, settings.MaxWordsPerGloss))
                    if (!words.Contains(w)) words.Add(w);
            if (words.Count == 0) continue;
            all.Add(words);
            if (sense.IsUsuallyKana) usuallyKana.Add(words);
        }
        if (all.Count == 0) return;

        foreach (string h in entry.Headwords) Add(h, all);
        var forReadings = settings.Readings switch
        {
            ReadingKeys.All => all,
            ReadingKeys.UsuallyKana => usuallyKana,
            _ => [],
        };
        if (forReadings.Count > 0 && (entry.IsPriority || !settings.ReadingsOnlyForPriority))
            foreach (string r in entry.Readings) Add(r, forReadings);

        void Add(string headword, List<List<string>> senses)
        {
            string key = NormalizeKey(headword);
            if (!settings.KeepsKey(key)) return;
            if (!keys.TryGetValue(key, out var list)) keys[key] = list = [];
            list.Add(new Contribution(entry.IsPriority, order, senses));
        }
    }

    /// <summary>
    /// Words for one key: common-word (P) entries first, then file order; the first sense of every entry before the
    /// second sense of any, so that a rare first reading is not crowded out by the long tail of a common one.
    /// </summary>
    private static List<string> Merge(List<Contribution> contributions, ConverterSettings settings)
    {
        var ordered = contributions.OrderBy(c => c.IsPriority ? 0 : 1).ThenBy(c => c.Order).ToList();
        if (settings.PriorityOnly && ordered[0].IsPriority) ordered.RemoveAll(c => !c.IsPriority);
        var words = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int maxSenses = ordered.Max(c => c.Senses.Count);
        if (settings.Interleave)
        {
            for (int s = 0; s < maxSenses; s++)
                foreach (var c in ordered)
                    if (s < c.Senses.Count && AddAll(c.Senses[s])) return words;
        }
        else
        {
            foreach (var c in ordered)
                foreach (var sense in c.Senses)
                    if (AddAll(sense)) return words;
        }
        return words;

        bool AddAll(List<string> sense)
        {
            foreach (string w in sense)
            {
                if (seen.Add(w)) words.Add(w);
                if (words.Count >= settings.MaxWordsPerKey) return true;
            }
            return false;
        }
    }

    /// <summary>Keys are stored NFKC-normalised (half-width katakana and full-width Latin folded).</summary>
    internal static string NormalizeKey(string s) =>
        s.IsNormalized(NormalizationForm.FormKC) ? s : s.Normalize(NormalizationForm.FormKC);

    private sealed record Contribution(bool IsPriority, int Order, List<List<string>> Senses);
}

/// <summary>Which kana readings become lookup keys besides the headwords.</summary>
internal enum ReadingKeys
{
    /// <summary>Headwords only (kana-only entries are still found: their headword is kana).</summary>
    None,

    /// <summary>Readings too, for the senses marked (uk) "usually written in kana".</summary>
    UsuallyKana,

    /// <summary>Every reading, with every sense.</summary>
    All,
}

/// <summary>The choices the converter makes; <see cref="Default"/> is what the shipped file uses.</summary>
internal sealed record ConverterSettings
{
    public static ConverterSettings Default { get; } = new();

    /// <summary>Cap on the words kept for one key.</summary>
    public int MaxWordsPerKey { get; init; } = 8;

    /// <summary>Glosses with more content words than this are definitions, not translations, and are skipped.</summary>
    public int MaxWordsPerGloss { get; init; } = 3;

    /// <summary>Senses considered per entry (later senses are rarer).</summary>
    public int MaxSensesPerEntry { get; init; } = int.MaxValue;

    public ReadingKeys Readings { get; init; } = ReadingKeys.UsuallyKana;

    /// <summary>
    /// Readings become keys only for common-word (P) entries. Without this, the (uk) readings of rare words turn kana
    /// grammar into zoology: のみ "chisel", こそ "kousso", つつ "wagtail", ます "trout", だに "tick".
    /// </summary>
    public bool ReadingsOnlyForPriority { get; init; } = true;

    /// <summary>Merge entries sense by sense (see EdictConverter.Merge) rather than entry by entry.</summary>
    public bool Interleave { get; init; } = true;

    /// <summary>When a key has (P) entries, ignore its other entries.</summary>
    public bool PriorityOnly { get; init; }

    /// <summary>Keys of one kana (mostly particles and fragments) are left out.</summary>
    public bool DropSingleKana { get; init; } = true;

    /// <summary>
    /// Senses with these tags are skipped: archaic, obsolete, obscure, rare, slang, vulgar, and senses of board and card
    /// games and baseball, which give common words meanings that never occur in general text (山 "wall" in mahjong).
    /// Dialect senses (tags ending in ':') are skipped too.
    /// </summary>
    public FrozenSet<string> DroppedSenseTags { get; init; } = FrozenSet.ToFrozenSet(
    [
        "arch", "obs", "obsc", "rare", "sl", "vulg", "X", "m-sl", "male-sl", "net-sl",
        "mahj", "shogi", "hanaf", "go", "cards", "vidg", "baseb",
    ], StringComparer.Ordinal);

    /// <summary>Senses whose parts of speech are all grammatical (particles, auxiliaries, copulas, conjunctions) are skipped.</summary>
    public FrozenSet<string> GrammaticalPartsOfSpeech { get; init; } = FrozenSet.ToFrozenSet(
        ["prt", "aux", "aux-v", "aux-adj", "cop", "cop-da", "conj"], StringComparer.Ordinal);

    public bool Keeps(EdictSense sense)
    {
        foreach (string t in sense.Tags)
            if (DroppedSenseTags.Contains(t) || t.EndsWith(':')) return false;
        return sense.PartsOfSpeech.Count == 0 || !sense.PartsOfSpeech.All(GrammaticalPartsOfSpeech.Contains);
    }

    /// <summary>
    /// Kana keys left out: light and auxiliary verbs (する, なる, ある, いる, 〜ていく, 〜てみる, 〜てしまう ...), formal
    /// nouns (こと, もの, ため, よう ...) and demonstratives. Written in kana they are grammar, and their glosses
    /// ("do", "become", "thing", "work", "called") match nearly every English sentence. Their kanji spellings (事, 物,
    /// 為る, 見る) stay.
    /// </summary>
    public FrozenSet<string> StopKeys { get; init; } = FrozenSet.ToFrozenSet(
    [
        "する", "なる", "ある", "いる", "おる", "くる", "いく", "ゆく", "やる", "できる", "いう", "ない", "みる", "おく",
        "しまう", "くれる", "もらう", "あげる", "いただく", "くださる", "られる", "れる", "せる", "させる", "たい", "ます",
        "です", "あり", "こと", "もの",
        "ところ", "ため", "よう", "とき", "わけ", "はず", "まま", "ほど", "これ", "それ", "あれ", "どれ", "この", "その",
        "あの", "どの", "ここ", "そこ", "あそこ", "どこ",
    ], StringComparer.Ordinal);

    public bool KeepsKey(string key)
    {
        if (key.Length == 0 || key.AsSpan().ContainsAny('\t', '\n', '\uFFFD')) return false;
        if (DropSingleKana && key.Length == 1 && key[0] is >= '\u3041' and <= '\u30FF') return false;
        return !StopKeys.Contains(key);
    }
}
