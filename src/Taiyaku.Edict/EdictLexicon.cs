using System.Collections.Frozen;
using System.Collections.ObjectModel;
using System.IO.Compression;
using System.Text;
using Taiyaku.Features;

namespace Taiyaku.Edict;

/// <summary>
/// A Japanese→English word lexicon derived from EDICT (© Electronic Dictionary Research and Development Group,
/// CC BY-SA 4.0; see LICENSE-EDICT.txt). Keys are EDICT headwords (kanji spellings and kana-only words) and the kana
/// readings of words usually written in kana; values are the lower-case English content words of their glosses, most
/// common sense first. Immutable and thread-safe.
/// </summary>
public sealed class EdictLexicon : IBilingualLexicon
{
    /// <summary>The manifest resource name of the embedded lexicon file.</summary>
    internal const string ResourceName = "Taiyaku.Edict.edict-lexicon.tsv.gz";

    private static readonly Lazy<EdictLexicon> LazyDefault = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, ReadOnlyCollection<string>> entries;

    private EdictLexicon(FrozenDictionary<string, ReadOnlyCollection<string>> entries) => this.entries = entries;

    /// <summary>
    /// The lexicon shipped in this package, read from the embedded resource on first use (once, thread-safe; about
    /// 234,000 keys; a few hundred milliseconds).
    /// </summary>
    public static EdictLexicon Default => LazyDefault.Value;

    /// <summary>The number of Japanese keys.</summary>
    public int Count => entries.Count;

    /// <summary>Every key with its words, in no particular order (for tests and tools).</summary>
    internal IEnumerable<KeyValuePair<string, ReadOnlyCollection<string>>> Entries => entries;

    /// <summary>
    /// Reads a lexicon file of the shape <see cref="EdictConverter"/> writes: UTF-8 lines <c>key\tword word ...</c>,
    /// plain or gzip-compressed (recognised by its first bytes). Keys are looked up as given, and NFKC-normalised.
    /// </summary>
    /// <param name="tsv">The file; read to its end, not closed.</param>
    /// <exception cref="InvalidDataException">A line has no tab or no words.</exception>
    public static EdictLexicon Load(Stream tsv) => Load(tsv, normalizeKeys: true);

    private static EdictLexicon Load(Stream tsv, bool normalizeKeys)
    {
        ArgumentNullException.ThrowIfNull(tsv);
        var bytes = new MemoryStream();
        tsv.CopyTo(bytes);
        var data = bytes.GetBuffer().AsSpan(0, (int)bytes.Length);
        if (data.Length >= 2 && data[0] == 0x1F && data[1] == 0x8B)
        {
            var inflated = new MemoryStream(data.Length * 4);
            using (var gzip = new GZipStream(new MemoryStream(bytes.GetBuffer(), 0, (int)bytes.Length), CompressionMode.Decompress))
                gzip.CopyTo(inflated);
            data = inflated.GetBuffer().AsSpan(0, (int)inflated.Length);
        }
        if (data.StartsWith("\uFEFF"u8)) data = data[3..];
        string text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(data);
        return Parse(text, normalizeKeys);
    }

    /// <inheritdoc />
    public bool TryGetTranslations(string japanese, out IReadOnlyList<string> englishWords)
    {
        ArgumentNullException.ThrowIfNull(japanese);
        if (entries.TryGetValue(japanese, out var words)
            || (TryNormalize(japanese, out string? normalized) && entries.TryGetValue(normalized, out words)))
        {
            englishWords = words;
            return true;
        }
        englishWords = [];
        return false;
    }

    private static bool TryNormalize(string s, out string normalized)
    {
        normalized = s;
        try
        {
            if (s.IsNormalized(NormalizationForm.FormKC)) return false;
            normalized = s.Normalize(NormalizationForm.FormKC);
            return true;
        }
        catch (ArgumentException)   // lone surrogates: not a word anyway
        {
            return false;
        }
    }

    private static EdictLexicon LoadDefault()
    {
        using var stream = typeof(EdictLexicon).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the embedded resource {ResourceName} is missing from {typeof(EdictLexicon).Assembly.GetName().Name}");
        return Load(stream, normalizeKeys: false);   // the converter wrote NFKC keys
    }

    private static EdictLexicon Parse(string text, bool normalizeKeys)
    {
        var map = new Dictionary<string, ReadOnlyCollection<string>>(text.Length / 36, StringComparer.Ordinal);
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();
        var words = new List<string>(16);
        int lineNumber = 0;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            lineNumber++;
            if (line.IsEmpty) continue;
            int tab = line.IndexOf('\t');
            if (tab <= 0) throw new InvalidDataException($"lexicon line {lineNumber}: expected 'key<TAB>words'");
            words.Clear();
            var rest = line[(tab + 1)..];
            foreach (var range in rest.Split(' '))
            {
                var span = rest[range];
                if (span.IsEmpty) continue;
                if (!lookup.TryGetValue(span, out string? word))
                {
                    word = span.ToString();
                    pool[word] = word;
                }
                if (!words.Contains(word)) words.Add(word);
            }
            if (words.Count == 0) throw new InvalidDataException($"lexicon line {lineNumber}: no words");
            string key = line[..tab].ToString();
            if (normalizeKeys) key = EdictConverter.NormalizeKey(key);
            map[key] = map.TryGetValue(key, out var earlier)
                ? Array.AsReadOnly(earlier.Concat(words).Distinct(StringComparer.Ordinal).ToArray())
                : Array.AsReadOnly(words.ToArray());
        }
        return new EdictLexicon(map.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
