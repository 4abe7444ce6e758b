using System.Collections.ObjectModel;
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
    /// <summary>The manifest resource name of the embedded lexicon image, compiled from edict-lexicon.tsv.gz at build time.</summary>
    internal const string ResourceName = "Taiyaku.Edict.edict-lexicon.bin";

    private static readonly Lazy<EdictLexicon> LazyDefault = new(OpenEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly LexiconImage image;

    private EdictLexicon(LexiconImage image) => this.image = image;

    /// <summary>
    /// The lexicon shipped in this package (about 234,000 keys). It is read in place from the assembly's memory on
    /// first use: nothing is parsed, and only the parts that lookups touch are paged in.
    /// </summary>
    public static EdictLexicon Default => LazyDefault.Value;

    /// <summary>True when the lexicon is read in place from the assembly's memory (not copied).</summary>
    internal bool InPlace => image.InPlace;

    /// <summary>The number of Japanese keys.</summary>
    public int Count => image.KeyCount;

    /// <summary>Every key with its words, in ordinal order of the keys (for tests and tools).</summary>
    internal IEnumerable<KeyValuePair<string, ReadOnlyCollection<string>>> Entries
    {
        get
        {
            for (int k = 0; k < image.KeyCount; k++)
                yield return new(image.Key(k), image.ReadWords(k));
        }
    }

    /// <summary>
    /// Reads a lexicon file of the shape <see cref="EdictConverter"/> writes: UTF-8 lines <c>key\tword word ...</c>,
    /// plain or gzip-compressed (recognised by its first bytes). Keys are looked up as given, and NFKC-normalised.
    /// </summary>
    /// <param name="tsv">The file; read to its end, not closed.</param>
    /// <exception cref="InvalidDataException">A line has no tab or no words.</exception>
    public static EdictLexicon Load(Stream tsv)
    {
        ArgumentNullException.ThrowIfNull(tsv);
        var entries = LexiconTsv.Parse(LexiconTsv.ReadText(tsv), EdictConverter.NormalizeKey);
        return new EdictLexicon(LexiconImage.FromBytes(LexiconImageWriter.Write(entries)));
    }

    /// <inheritdoc />
    public bool TryGetTranslations(string japanese, out IReadOnlyList<string> englishWords)
    {
        ArgumentNullException.ThrowIfNull(japanese);
        int k = image.Find(japanese);
        if (k < 0 && TryNormalize(japanese, out string? normalized)) k = image.Find(normalized);
        if (k >= 0)
        {
            englishWords = image.Words(k);
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

    /// <summary>Opens the embedded image afresh (what <see cref="Default"/> does once; benchmarks time it).</summary>
    internal static EdictLexicon OpenEmbedded()
    {
        using var stream = typeof(EdictLexicon).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the embedded resource {ResourceName} is missing from {typeof(EdictLexicon).Assembly.GetName().Name}");
        return new EdictLexicon(LexiconImage.Open(stream));
    }
}
