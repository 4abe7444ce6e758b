using System.Text;
using Taiyaku.Features;
using Taiyaku.Japanese;

namespace Taiyaku.Pipeline;

/// <summary>
/// The built-in word anchors: Latin words (<see cref="AnchorOptions.Latin"/>), names by phonetic key
/// (<see cref="AnchorOptions.Names"/>), dictionary translations (<see cref="AnchorOptions.Dictionary"/>) and the content
/// words the learned second pass reads (<see cref="AnchorOptions.SecondPass"/>). A Japanese sentence is analysed once
/// and each morpheme gives at most one item holding all its keys and its base form (the aligner counts one match per
/// item; the second pass reads the item's word); without an analyzer, katakana and Latin runs. An English word gives
/// one item per hyphen-separated part. Immutable and thread-safe (as the analyzer and the lexicon are).
/// </summary>
internal sealed class WordAnchorSource(AnchorOptions options, MorphologicalAnalyzer? analyzer, IBilingualLexicon? lexicon) : IAnchorSource
{
    /// <summary>Longest piece of a sentence given to the analyzer at once.</summary>
    internal const int MaxAnalysisLength = 4096;

    public void AddJapanese(string sentence, AnchorCollector anchors)
    {
        if (analyzer == null)
        {
            AddScriptRuns(anchors, sentence);
            return;
        }
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
            string piece = start == 0 && end == sentence.Length ? sentence : sentence[start..end];
            // Tokens read straight from one of the analyzer's sessions: no Morpheme objects for the words seen before.
            var session = analyzer.RentSession();
            try
            {
                foreach (ref readonly var token in session.Analyze(piece))
                {
                    // A morpheme's item depends on its surface and features alone: made once a document (measured, the
                    // 100k Bible pair: 0.91 × the whole process's time), and looked up without making its strings.
                    var words = anchors.Words;
                    var surface = piece.AsSpan(token.Offset, token.Length);
                    if (words == null || !words.TryGetMorpheme(surface, session.FeatureUtf8(token), out var item))
                    {
                        item = MorphemeItem(session.ToMorpheme(token, piece));
                        words?.AddMorpheme(surface, session.FeatureUtf8(token), item);
                    }
                    if (item is { } found) anchors.AddBuiltIn(found);
                }
            }
            finally
            {
                analyzer.ReturnSession(session);
            }
            start = end;
        }
    }

    public void AddEnglish(string sentence, AnchorCollector anchors)
    {
        var text = sentence.AsSpan();
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i])) { i++; continue; }
            int start = i;
            // A word: letters with inner apostrophes and hyphens ("Kiyomizu-dera", "don't").
            while (i < text.Length && (char.IsLetter(text[i]) || ((text[i] is '\'' or '’' or '-') && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
                i++;
            var word = text[start..i];
            if (anchors.Words is not { } words)
            {
                AddEnglishWord(anchors.AddBuiltIn, word);
                continue;
            }
            // A word's items depend on its letters alone: made once a document.
            if (!words.TryGetEnglish(word, out var items))
            {
                var made = new List<AnchorItem>();
                AddEnglishWord(made.Add, word);
                items = [.. made];
                words.AddEnglish(word.ToString(), items);
            }
            foreach (var item in items!) anchors.AddBuiltIn(item);
        }
    }

    private void AddEnglishWord(Action<AnchorItem> add, ReadOnlySpan<char> word)
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
            var item = new AnchorItem(capitalised && options.Names ? options.NameWeight : options.WordWeight, stem);
            item.AddKey(AnchorKeys.Word(stem));
            if (options.Names && PhoneticKey.TryFromLatin(part, out ulong ph)) item.AddKey(AnchorKeys.Phonetic(ph));
            if (first && joined != null && options.Names && PhoneticKey.TryFromLatin(joined, out ulong phj)) item.AddKey(AnchorKeys.Phonetic(phj));
            add(item);
            first = false;
        }
    }

    private static string RemoveHyphens(ReadOnlySpan<char> word)
    {
        var sb = new StringBuilder(word.Length);
        foreach (char c in word) if (c != '-') sb.Append(c);
        return sb.ToString();
    }

    /// <summary>The item of one morpheme, or null when it gives none.</summary>
    private AnchorItem? MorphemeItem(Morpheme m)
    {
        var f = m.Fields;
        string pos = f.Count > 0 ? f[0] : "";
        string sub = f.Count > 1 ? f[1] : "";
        string surface = m.Surface;
        if (pos is "記号" or "助詞" or "助動詞" or "フィラー" or "その他") return null;
        if (sub is "数" or "非自立" or "代名詞") return null;

        if (IsLatin(surface))
        {
            if (!options.Latin) return null;
            string lower = surface.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
            if (EnglishWords.IsStopWord(lower)) return null;
            string stem = EnglishWords.Stem(lower);
            return AnchorItem.WithKey(options.LatinWeight, stem, AnchorKeys.Word(stem));
        }

        string baseForm = m.BaseForm is { } b && b != "*" ? b : surface;
        bool katakana = IsKatakana(surface);
        bool properNoun = pos == "名詞" && sub == "固有名詞";
        var word = new AnchorItem(katakana || properNoun ? options.NameWeight : options.WordWeight, baseForm);
        if (options.Names && (katakana || properNoun))
        {
            string? reading = katakana ? surface : m.Reading;
            if (reading != null && reading != "*" && PhoneticKey.TryFromKana(reading, out ulong ph))
                word.AddKey(AnchorKeys.Phonetic(ph));
        }
        if (options.Dictionary && lexicon != null && lexicon.TryGetTranslations(baseForm, out var english))
        {
            foreach (var e in english)
                word.AddKey(AnchorKeys.Word(EnglishWords.Stem(e)));
        }
        // Content words without keys still count for the learned second pass (they may get translations).
        return word.KeyCount > 0 || (options.SecondPass && pos is "名詞" or "動詞" or "形容詞" or "副詞") ? word : null;
    }

    /// <summary>Without an analyzer: katakana runs and Latin runs.</summary>
    private void AddScriptRuns(AnchorCollector anchors, string sentence)
    {
        int i = 0;
        while (i < sentence.Length)
        {
            int start = i;
            if (IsKatakanaChar(sentence[i]))
            {
                while (i < sentence.Length && IsKatakanaChar(sentence[i])) i++;
                string run = sentence[start..i];
                if (options.Names && PhoneticKey.TryFromKana(run, out ulong ph))
                {
                    var item = new AnchorItem(options.NameWeight, run);
                    item.AddKey(AnchorKeys.Phonetic(ph));
                    anchors.AddBuiltIn(item);
                }
            }
            else if (IsLatinChar(sentence[i]))
            {
                while (i < sentence.Length && IsLatinChar(sentence[i])) i++;
                string lower = sentence[start..i].Normalize(NormalizationForm.FormKC).ToLowerInvariant();
                if (options.Latin && !EnglishWords.IsStopWord(lower))
                {
                    var item = new AnchorItem(options.LatinWeight, EnglishWords.Stem(lower));
                    item.AddKey(AnchorKeys.Word(EnglishWords.Stem(lower)));
                    anchors.AddBuiltIn(item);
                }
            }
            else i++;
        }
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
