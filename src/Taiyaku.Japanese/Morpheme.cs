using System.Collections.Concurrent;
using System.Text;

namespace Taiyaku.Japanese;

/// <summary>One morpheme of the simple API, with its feature fields split out (IPADIC layout).</summary>
public sealed class Morpheme
{
    private string[]? _fields;

    internal Morpheme(string surface, string feature, int offset, int length, bool isUnknown)
    {
        Surface = surface;
        Feature = feature;
        Offset = offset;
        Length = length;
        IsUnknown = isUnknown;
    }

    /// <summary>The surface form (leading whitespace excluded, as mecab prints it).</summary>
    public string Surface { get; }

    /// <summary>The raw feature string of the dictionary entry.</summary>
    public string Feature { get; }

    /// <summary>Start of the surface in the analysed string, in UTF-16 code units.</summary>
    public int Offset { get; }

    /// <summary>Length of the surface in the analysed string, in UTF-16 code units.</summary>
    public int Length { get; }

    /// <summary>True for a word from the unknown-word model.</summary>
    public bool IsUnknown { get; }

    /// <summary>The feature's comma-separated fields (CSV quoting as mecab's).</summary>
    public IReadOnlyList<string> Fields => AllFields;

    // Split on first use; racing threads compute the same array.
    private string[] AllFields => _fields ??= SplitFeature(Feature);

    /// <summary>The part-of-speech levels (IPADIC fields 0-3), without the trailing "*" levels.</summary>
    public IReadOnlyList<string> PartOfSpeech => AllFields.Take(4).Where(f => f != "*").ToArray();

    /// <summary>IPADIC field 4: conjugation type, or null when "*" or absent.</summary>
    public string? ConjugationType => Field(4);

    /// <summary>IPADIC field 5: conjugation form, or null when "*" or absent.</summary>
    public string? ConjugationForm => Field(5);

    /// <summary>IPADIC field 6: base (dictionary) form, or null when "*" or absent.</summary>
    public string? BaseForm => Field(6);

    /// <summary>IPADIC field 7: reading in katakana, or null when absent (unknown words have none).</summary>
    public string? Reading => Field(7);

    /// <summary>IPADIC field 8: pronunciation, or null when absent.</summary>
    public string? Pronunciation => Field(8);

    private string? Field(int i) => i < AllFields.Length && AllFields[i] != "*" ? AllFields[i] : null;

    /// <summary><c>surface\tfeature</c>, like one line of mecab's output.</summary>
    public override string ToString() => Surface + "\t" + Feature;

    /// <summary>Fields before this one (part of speech and conjugation in IPADIC) come from a small closed set: their strings are shared.</summary>
    private const int SharedFieldCount = 6;

    /// <summary>Most distinct shared field strings kept; beyond, a field gets a string of its own.</summary>
    private const int MaxSharedFields = 4096;

    private static readonly ConcurrentDictionary<string, string> Shared = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> SharedLookup =
        Shared.GetAlternateLookup<ReadOnlySpan<char>>();

    // Splits like mecab's tokenizeCSV: a field in double quotes may hold commas, "" is a quote. Without quotes (every
    // IPADIC entry) the fields are cut from the string directly, and the part-of-speech and conjugation fields, a few
    // hundred distinct strings, are shared rather than allocated per morpheme (measured: the split was 40 % of the
    // Japanese anchor extraction on a 100,000-sentence document).
    internal static string[] SplitFeature(string feature)
    {
        if (feature.Contains('"')) return SplitQuoted(feature);
        var span = feature.AsSpan();
        var fields = new string[span.Count(',') + 1];
        int start = 0;
        for (int k = 0; k < fields.Length; k++)
        {
            int length = span[start..].IndexOf(',');
            if (length < 0) length = span.Length - start;
            var field = span.Slice(start, length);
            fields[k] = k < SharedFieldCount ? SharedString(field) : field is "*" ? "*" : new string(field);
            start += length + 1;
        }
        return fields;
    }

    private static string SharedString(ReadOnlySpan<char> field)
    {
        if (SharedLookup.TryGetValue(field, out var shared)) return shared;
        var text = new string(field);
        return Shared.Count < MaxSharedFields ? Shared.GetOrAdd(text, text) : text;
    }

    private static string[] SplitQuoted(string feature)
    {
        var fields = new List<string>();
        var sb = new StringBuilder();
        int i = 0;
        while (true)
        {
            sb.Clear();
            if (i < feature.Length && feature[i] == '"')
            {
                i++;
                while (i < feature.Length)
                {
                    if (feature[i] == '"')
                    {
                        if (i + 1 < feature.Length && feature[i + 1] == '"') { sb.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    sb.Append(feature[i++]);
                }
                while (i < feature.Length && feature[i] != ',') i++;
            }
            else
            {
                while (i < feature.Length && feature[i] != ',') sb.Append(feature[i++]);
            }
            fields.Add(sb.ToString());
            if (i >= feature.Length) break;
            i++;
        }
        return fields.ToArray();
    }
}
