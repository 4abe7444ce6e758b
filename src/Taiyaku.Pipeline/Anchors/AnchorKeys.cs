using System.Globalization;

namespace Taiyaku.Pipeline;

/// <summary>
/// The keys of anchor items: one key space per built-in kind (numbers, words, phonetic keys of names, punctuation),
/// shared by the built-in sources, and one space per added source (<see cref="AnchorCollector.Add"/>).
/// </summary>
internal static class AnchorKeys
{
    private const char NumberKind = 'n', WordKind = 'w', PhoneticKind = 'p', PunctuationKind = '.';

    public static ulong Number(decimal value) => Key(NumberKind, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>An English stem: what an English word, a Latin word in Japanese and a dictionary translation share.</summary>
    public static ulong Word(string stem) => Key(WordKind, stem);

    /// <summary>A name's <see cref="Taiyaku.Features.PhoneticKey"/>, from kana or from Latin letters.</summary>
    public static ulong Phonetic(ulong phoneticKey) => Key(PhoneticKind, phoneticKey);

    public static ulong Punctuation(string mark) => Key(PunctuationKind, mark);

    /// <summary>The key of an added source's anchor: its own space per source, apart from the built-in kinds.</summary>
    public static ulong Source(int source, string key) => Key((char)(0xE000 + source), key);

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
}
