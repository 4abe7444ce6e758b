using System.Globalization;
using System.Text;
using Taiyaku.Alignment;
using Taiyaku.Features;
using Taiyaku.Japanese;

namespace Taiyaku.Pipeline;

/// <summary>One anchor item of a sentence before it is packed into <see cref="SentenceAnchors"/>.</summary>
internal sealed class AnchorItem(double weight, string? word)
{
    public double Weight { get; set; } = weight;

    /// <summary>The word the translation model sees: a Japanese base form or an English stem; null for numbers and punctuation.</summary>
    public string? Word { get; } = word;

    public List<ulong> Keys { get; } = [];
}

/// <summary>Turns sentences into anchor items: numbers, Latin words, names, dictionary words, punctuation.</summary>
internal sealed class AnchorExtractor(AnchorOptions options, MorphologicalAnalyzer? analyzer, IBilingualLexicon? lexicon, IReadOnlyList<IAnchorSource>? sources = null)
{
    private readonly IReadOnlyList<IAnchorSource> _sources = sources ?? [];

    private const char NumberKind = 'n', WordKind = 'w', PhoneticKind = 'p', PunctuationKind = '.';

    /// <summary>Longest piece of a sentence given to the analyzer at once.</summary>
    internal const int MaxAnalysisLength = 4096;

    public AnchorOptions Options { get; } = options;

    public List<AnchorItem> Japanese(string sentence)
    {
        var items = new List<AnchorItem>();
        for (int k = 0; k < _sources.Count; k++) _sources[k].AddJapanese(sentence, new AnchorCollector(items, k));
        if (!Options.Any) return items;
        if (Options.Numbers) AddNumbers(items, sentence, japanese: true);
        if (Options.Punctuation) AddPunctuation(items, sentence);
        if (analyzer != null)
        {
            // MeCab's lattice (and ours) refuses very long inputs; a sentence of a whole unpunctuated book is analysed
            // in pieces, cut after a comma or space where possible.
            for (int start = 0; start < sentence.Length;)
            {
                int end = Math.Min(sentence.Length, start + MaxAnalysisLength);
                if (end < sentence.Length)
                {
                    int cut = sentence.AsSpan(start + MaxAnalysisLength / 2, end - start - MaxAnalysisLength / 2).LastIndexOfAny("、，,　 ");
                    if (cut >= 0) end = start + MaxAnalysisLength / 2 + cut + 1;
                    else if (char.IsHighSurrogate(sentence[end - 1])) end--;
                }
                foreach (var m in analyzer.Analyze(start == 0 && end == sentence.Length ? sentence : sentence[start..end]))
                    AddMorpheme(items, m);
                start = end;
            }
        }
        else
        {
            AddScriptRuns(items, sentence);
        }
        return items;
    }

    public List<AnchorItem> English(string sentence)
    {
        var items = new List<AnchorItem>();
        for (int k = 0; k < _sources.Count; k++) _sources[k].AddEnglish(sentence, new AnchorCollector(items, k));
        if (!Options.Any) return items;
        if (Options.Numbers) AddNumbers(items, sentence, japanese: false);
        if (Options.Punctuation) AddPunctuation(items, sentence);
        var text = sentence.AsSpan();
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i])) { i++; continue; }
            int start = i;
            // A word: letters with inner apostrophes and hyphens ("Kiyomizu-dera", "don't").
            while (i < text.Length && (char.IsLetter(text[i]) || ((text[i] is '\'' or '’' or '-') && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
                i++;
            AddEnglishWord(items, text[start..i]);
        }
        return items;
    }

    private void AddEnglishWord(List<AnchorItem> items, ReadOnlySpan<char> word)
    {
        bool compound = word.IndexOf('-') >= 0;
        string? joined = compound ? RemoveHyphens(word) : null;
        bool first = true;
        foreach (var range in word.Split('-'))
        {
            var part = word[range];
            if (part.IsEmpty) continue;
            string lower = part.ToString().ToLowerInvariant();
            int apostrophe = lower.IndexOfAny(['\'', '’']);
            if (apostrophe > 0) lower = lower[..apostrophe];
            if (lower.Length == 0 || EnglishWords.IsStopWord(lower)) continue;
            bool capitalised = char.IsUpper(part[0]);
            string stem = EnglishWords.Stem(lower);
            var item = new AnchorItem(capitalised && Options.Names ? Options.NameWeight : Options.WordWeight, stem);
            item.Keys.Add(Key(WordKind, stem));
            if (Options.Names && PhoneticKey.TryFromLatin(part, out ulong ph)) item.Keys.Add(Key(PhoneticKind, ph));
            if (first && joined != null && Options.Names && PhoneticKey.TryFromLatin(joined, out ulong phj)) item.Keys.Add(Key(PhoneticKind, phj));
            items.Add(item);
            first = false;
        }
    }

    private static string RemoveHyphens(ReadOnlySpan<char> word)
    {
        var sb = new StringBuilder(word.Length);
        foreach (char c in word) if (c != '-') sb.Append(c);
        return sb.ToString();
    }

    private void AddMorpheme(List<AnchorItem> items, Morpheme m)
    {
        var f = m.Fields;
        string pos = f.Count > 0 ? f[0] : "";
        string sub = f.Count > 1 ? f[1] : "";
        string surface = m.Surface;
        if (pos is "記号" or "助詞" or "助動詞" or "フィラー" or "その他") return;
        if (sub is "数" or "非自立" or "代名詞") return;

        if (IsLatin(surface))
        {
            if (!Options.Latin) return;
            string lower = surface.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
            if (EnglishWords.IsStopWord(lower)) return;
            var item = new AnchorItem(Options.LatinWeight, EnglishWords.Stem(lower));
            item.Keys.Add(Key(WordKind, EnglishWords.Stem(lower)));
            items.Add(item);
            return;
        }

        string baseForm = m.BaseForm is { } b && b != "*" ? b : surface;
        bool katakana = IsKatakana(surface);
        bool properNoun = pos == "名詞" && sub == "固有名詞";
        var word = new AnchorItem(katakana || properNoun ? Options.NameWeight : Options.WordWeight, baseForm);
        if (Options.Names && (katakana || properNoun))
        {
            string? reading = katakana ? surface : m.Reading;
            if (reading != null && reading != "*" && PhoneticKey.TryFromKana(reading, out ulong ph))
                word.Keys.Add(Key(PhoneticKind, ph));
        }
        if (Options.Dictionary && lexicon != null && lexicon.TryGetTranslations(baseForm, out var english))
        {
            foreach (var e in english)
                word.Keys.Add(Key(WordKind, EnglishWords.Stem(e)));
        }
        // Content words without keys still count for the learned second pass (they may get translations).
        if (word.Keys.Count > 0 || (Options.SecondPass && pos is "名詞" or "動詞" or "形容詞" or "副詞"))
            items.Add(word);
    }

    /// <summary>Without an analyzer: katakana runs and Latin runs.</summary>
    private void AddScriptRuns(List<AnchorItem> items, string sentence)
    {
        int i = 0;
        while (i < sentence.Length)
        {
            int start = i;
            if (IsKatakanaChar(sentence[i]))
            {
                while (i < sentence.Length && IsKatakanaChar(sentence[i])) i++;
                string run = sentence[start..i];
                if (Options.Names && PhoneticKey.TryFromKana(run, out ulong ph))
                {
                    var item = new AnchorItem(Options.NameWeight, run);
                    item.Keys.Add(Key(PhoneticKind, ph));
                    items.Add(item);
                }
            }
            else if (IsLatinChar(sentence[i]))
            {
                while (i < sentence.Length && IsLatinChar(sentence[i])) i++;
                string lower = sentence[start..i].Normalize(NormalizationForm.FormKC).ToLowerInvariant();
                if (Options.Latin && !EnglishWords.IsStopWord(lower))
                {
                    var item = new AnchorItem(Options.LatinWeight, EnglishWords.Stem(lower));
                    item.Keys.Add(Key(WordKind, EnglishWords.Stem(lower)));
                    items.Add(item);
                }
            }
            else i++;
        }
    }

    private void AddNumbers(List<AnchorItem> items, string sentence, bool japanese)
    {
        var values = new List<decimal>();
        if (japanese) Numbers.ExtractJapanese(sentence, values);
        else Numbers.ExtractEnglish(sentence, values);
        foreach (var v in values)
        {
            var item = new AnchorItem(Options.NumberWeight, null);
            item.Keys.Add(Key(NumberKind, v.ToString(CultureInfo.InvariantCulture)));
            items.Add(item);
        }
    }

    private void AddPunctuation(List<AnchorItem> items, string sentence)
    {
        bool question = false, quote = false, paren = false;
        foreach (char c in sentence)
        {
            question |= c is '?' or '？';
            quote |= c is '「' or '『' or '"' or '“' or '”';
            paren |= c is '(' or '（';
        }
        if (question) Add("?");
        if (quote) Add("\"");
        if (paren) Add("(");

        void Add(string what)
        {
            var item = new AnchorItem(Options.PunctuationWeight, null);
            item.Keys.Add(Key(PunctuationKind, what));
            items.Add(item);
        }
    }

    /// <summary>
    /// Packs the items of every sentence of one side into the aligner's form. An item's weight is its kind's log-odds
    /// bonus plus ln(1/q), q the share of the other side's sentences that hold one of its keys: a match on a rare word
    /// or number says more than one on a word found everywhere. At most <see cref="SentenceAnchors.MaxItems"/> items per
    /// sentence are kept, the heaviest.
    /// </summary>
    public static SentenceAnchors[] Pack(List<AnchorItem>[] side, List<AnchorItem>[] other, Func<AnchorItem, IEnumerable<ulong>>? sideExtra = null, Func<AnchorItem, IEnumerable<ulong>>? otherExtra = null)
    {
        var otherFrequency = DocumentFrequency(other, otherExtra);
        double n = other.Length;
        var result = new SentenceAnchors[side.Length];
        var keys = new List<AnchorKey>();
        var weights = new List<double>();
        var candidates = new List<(double Weight, ulong[] Keys)>();
        for (int i = 0; i < side.Length; i++)
        {
            candidates.Clear();
            foreach (var item in side[i])
            {
                var itemKeys = KeysOf(item, sideExtra);
                if (itemKeys.Length == 0) continue;
                long df = 0;
                foreach (var k in itemKeys) df += otherFrequency.GetValueOrDefault(k);
                // An item that no sentence of the other side can match says nothing about where the sentence goes.
                if (df == 0) continue;
                double q = (Math.Min(df, n) + 0.5) / (n + 1);
                candidates.Add((Math.Max(0, item.Weight - Math.Log(q)), itemKeys));
            }
            if (candidates.Count > SentenceAnchors.MaxItems)
                candidates = candidates.OrderByDescending(x => x.Weight).Take(SentenceAnchors.MaxItems).ToList();
            keys.Clear();
            weights.Clear();
            foreach (var (w, itemKeys) in candidates)
            {
                foreach (var k in itemKeys) keys.Add(new AnchorKey(k, weights.Count));
                weights.Add(w);
            }
            result[i] = weights.Count == 0 ? SentenceAnchors.Empty : new SentenceAnchors(keys, weights);
        }
        return result;
    }

    private static ulong[] KeysOf(AnchorItem item, Func<AnchorItem, IEnumerable<ulong>>? extra) =>
        extra == null ? [.. item.Keys.Distinct()] : [.. item.Keys.Concat(extra(item)).Distinct()];

    /// <summary>For each key, the number of sentences that hold it.</summary>
    private static Dictionary<ulong, int> DocumentFrequency(List<AnchorItem>[] sentences, Func<AnchorItem, IEnumerable<ulong>>? extra)
    {
        var df = new Dictionary<ulong, int>();
        var seen = new HashSet<ulong>();
        foreach (var items in sentences)
        {
            seen.Clear();
            foreach (var item in items)
                foreach (var k in KeysOf(item, extra))
                    if (seen.Add(k)) df[k] = df.GetValueOrDefault(k) + 1;
        }
        return df;
    }

    internal static ulong WordKey(string stem) => Key(WordKind, stem);

    /// <summary>The key of an added source's anchor: its own space per source, apart from the built-in kinds.</summary>
    internal static ulong SourceKey(int source, string key) => Key((char)(0xE000 + source), key);

    private static ulong Key(char kind, ulong value) => Mix((ulong)kind * 0x9E3779B97F4A7C15UL ^ value);

    private static ulong Key(char kind, string value)
    {
        // FNV-1a over the kind and the UTF-16 code units, then a final mix so that the top bits (the aligner's
        // signature) are well spread.
        ulong h = 14695981039346656037UL;
        h = (h ^ kind) * 1099511628211UL;
        foreach (char c in value) h = (h ^ c) * 1099511628211UL;
        return Mix(h);
    }

    private static ulong Mix(ulong x)
    {
        x ^= x >> 33; x *= 0xff51afd7ed558ccdUL;
        x ^= x >> 33; x *= 0xc4ceb9fe1a85ec53UL;
        return x ^ (x >> 33);
    }

    private static bool IsKatakanaChar(char c) => c is (>= '\u30A1' and <= '\u30FA') or 'ー' or '\u30FC';

    private static bool IsKatakana(string s)
    {
        if (s.Length < 2) return false;
        foreach (char c in s) if (!IsKatakanaChar(c) && c != '・') return false;
        return true;
    }

    private static bool IsLatinChar(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= 'Ａ' and <= 'Ｚ') or (>= 'ａ' and <= 'ｚ');

    private static bool IsLatin(string s)
    {
        foreach (char c in s) if (!IsLatinChar(c)) return false;
        return s.Length > 0;
    }
}
