using System.Security.Cryptography;
using System.Text;

namespace Taiyaku.Pipeline;

/// <summary>
/// What a <see cref="TranslationModel"/> is learned from, kept so that shards of a corpus can be learned apart and
/// merged: the confident sentence pairs (as bags of words, with how often each occurs) of every document seen, and
/// the model learned from them. IBM Model 1's EM needs the whole data at every iteration, so expected counts of one
/// shard cannot be added to another's; the word bags can, and they are what EM reads. They are kept in one canonical
/// order (words of a sentence and pairs sorted), so that <c>Merge(Collect(a), Collect(b))</c> learns bit for bit the
/// model <c>Collect(a ∪ b)</c> learns. Immutable and thread-safe.
/// </summary>
public sealed class TranslationStatistics
{
    /// <summary>The file format's version (<see cref="WriteTo"/>); files of other versions are refused.</summary>
    public const int FormatVersion = 2;

    private static ReadOnlySpan<byte> Magic => "TAIYAKU-TM\0\0"u8;

    // Canonical: each sentence's words sorted (ordinal), pairs sorted, equal pairs kept once with their count.
    private readonly Entry[] _pairs;
    private readonly Lazy<TranslationModel> _model;

    private readonly record struct Entry(string[] Japanese, string[] English, int Count);

    private TranslationStatistics(Entry[] pairs, long documents, string settings, TranslationModel? model)
    {
        _pairs = pairs;
        Documents = documents;
        Settings = settings;
        _model = model != null ? new Lazy<TranslationModel>(model) : new Lazy<TranslationModel>(() => TranslationModel.Learn(Expand(_pairs)));
    }

    /// <summary>No documents.</summary>
    public static TranslationStatistics Empty { get; } = new([], 0, "", TranslationModel.Empty);

    /// <summary>Documents collected.</summary>
    public long Documents { get; }

    /// <summary>
    /// The aligner settings the pairs were collected with (<see cref="DocumentAligner.TranslationSettings"/>; empty when
    /// not said). Statistics of different settings are not merged.
    /// </summary>
    public string Settings { get; }

    /// <summary>Sentence pairs collected (counting repeats).</summary>
    public long SentencePairs => _pairs.Sum(p => (long)p.Count);

    /// <summary>The model learned from the pairs (learned on first use, or as read from a file).</summary>
    public TranslationModel Model => _model.Value;

    /// <summary>Statistics of one document: its sentence pairs given as words (see <see cref="TranslationModel.Learn"/>).</summary>
    /// <param name="pairs">The sentence pairs, as words.</param>
    /// <param name="documents">How many documents they come from.</param>
    /// <param name="settings">What they were collected with (<see cref="Settings"/>).</param>
    public static TranslationStatistics FromPairs(IEnumerable<(IReadOnlyList<string> Japanese, IReadOnlyList<string> English)> pairs, long documents = 1, string settings = "")
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegative(documents);
        var list = pairs.Select(p => new Entry(Sorted(p.Japanese), Sorted(p.English), 1)).ToList();
        return new TranslationStatistics(Canonical(list), documents, settings, null);
    }

    /// <summary>The statistics of all the parts together: the same as collecting them at once, whatever the order.</summary>
    /// <exception cref="ArgumentException">Two parts with documents were collected with different <see cref="Settings"/>.</exception>
    public static TranslationStatistics Merge(IEnumerable<TranslationStatistics> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var list = new List<Entry>();
        long documents = 0;
        string? settings = null;
        foreach (var p in parts)
        {
            ArgumentNullException.ThrowIfNull(p);
            if (p.Documents == 0 && p._pairs.Length == 0) continue;   // nothing learned: neutral whatever its settings
            if (settings != null && settings != p.Settings)
                throw new ArgumentException($"The parts were collected with different settings: '{settings}' and '{p.Settings}'.", nameof(parts));
            settings = p.Settings;
            list.AddRange(p._pairs);
            documents += p.Documents;
        }
        return new TranslationStatistics(Canonical(list), documents, settings ?? "", null);
    }

    private static string[] Sorted(IReadOnlyList<string> words)
    {
        var a = words.ToArray();
        Array.Sort(a, StringComparer.Ordinal);
        return a;
    }

    private static Entry[] Canonical(List<Entry> list)
    {
        list.Sort(Compare);
        var result = new List<Entry>(list.Count);
        foreach (var e in list)
        {
            if (result.Count > 0 && Compare(result[^1], e) == 0) result[^1] = result[^1] with { Count = checked(result[^1].Count + e.Count) };
            else result.Add(e);
        }
        return [.. result];
    }

    private static int Compare(Entry x, Entry y)
    {
        int c = CompareWords(x.Japanese, y.Japanese);
        return c != 0 ? c : CompareWords(x.English, y.English);
    }

    private static int CompareWords(string[] x, string[] y)
    {
        for (int i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            int c = string.CompareOrdinal(x[i], y[i]);
            if (c != 0) return c;
        }
        return x.Length.CompareTo(y.Length);
    }

    private static IEnumerable<(IReadOnlyList<string>, IReadOnlyList<string>)> Expand(Entry[] pairs)
    {
        foreach (var p in pairs)
            for (int k = 0; k < p.Count; k++) yield return (p.Japanese, p.English);
    }

    /// <summary>
    /// Writes the statistics and the model learned from them: a header (magic <c>TAIYAKU-TM</c>, <see cref="FormatVersion"/>,
    /// payload length, SHA-256 of the payload), then the payload (documents, settings, vocabularies, word bags, the model's table).
    /// </summary>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var payload = new MemoryStream();
        using (var w = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            var ja = Vocabulary(_pairs.SelectMany(p => p.Japanese));
            var en = Vocabulary(_pairs.SelectMany(p => p.English));
            w.Write(Documents);
            w.Write(Settings);
            WriteWords(w, ja.Words);
            WriteWords(w, en.Words);
            w.Write7BitEncodedInt(_pairs.Length);
            foreach (var p in _pairs)
            {
                w.Write7BitEncodedInt(p.Count);
                WriteIds(w, p.Japanese, ja.Ids);
                WriteIds(w, p.English, en.Ids);
            }
            var table = Model.Entries().OrderBy(e => e.Japanese, StringComparer.Ordinal).ToList();
            w.Write7BitEncodedInt(table.Count);
            foreach (var (japanese, english) in table)
            {
                w.Write(japanese);
                WriteWords(w, english);
            }
        }
        var bytes = payload.GetBuffer().AsSpan(0, (int)payload.Length);
        Span<byte> header = stackalloc byte[Magic.Length + 4 + 8 + 32];
        Magic.CopyTo(header);
        BitConverter.TryWriteBytes(header[Magic.Length..], FormatVersion);
        BitConverter.TryWriteBytes(header[(Magic.Length + 4)..], (long)bytes.Length);
        SHA256.HashData(bytes, header[(Magic.Length + 12)..]);
        stream.Write(header);
        stream.Write(bytes);
    }

    /// <summary>Reads what <see cref="WriteTo"/> wrote.</summary>
    /// <exception cref="InvalidDataException">Not a translation model file, another version, truncated or damaged (the message says which).</exception>
    public static TranslationStatistics ReadFrom(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var header = new byte[Magic.Length + 4 + 8 + 32];
        if (ReadFully(stream, header.AsSpan(0, Magic.Length)) < Magic.Length || !header.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new InvalidDataException("not a taiyaku translation model (no TAIYAKU-TM header; write one with 'taiyaku learn')");
        if (ReadFully(stream, header.AsSpan(Magic.Length)) < header.Length - Magic.Length)
            throw new InvalidDataException("truncated translation model (the header is incomplete)");
        int version = BitConverter.ToInt32(header, Magic.Length);
        if (version != FormatVersion)
            throw new InvalidDataException($"translation model format version {version}; this taiyaku reads version {FormatVersion} (learn it again with this version)");
        long length = BitConverter.ToInt64(header, Magic.Length + 4);
        if (length < 0 || length > Array.MaxLength) throw new InvalidDataException("damaged translation model (impossible payload length)");
        var bytes = new byte[length];
        if (ReadFully(stream, bytes) < length) throw new InvalidDataException($"truncated translation model (payload of {length} bytes expected)");
        if (stream.ReadByte() >= 0) throw new InvalidDataException("damaged translation model (bytes after the payload)");
        if (!SHA256.HashData(bytes).AsSpan().SequenceEqual(header.AsSpan(Magic.Length + 12)))
            throw new InvalidDataException("damaged translation model (checksum mismatch)");
        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
            long documents = r.ReadInt64();
            string settings = r.ReadString();
            var ja = ReadWords(r);
            var en = ReadWords(r);
            var pairs = new Entry[Count(r)];
            for (int k = 0; k < pairs.Length; k++)
            {
                int count = r.Read7BitEncodedInt();
                pairs[k] = new Entry(ReadIds(r, ja), ReadIds(r, en), count);
            }
            var table = new Dictionary<string, string[]>(StringComparer.Ordinal);
            int entries = Count(r);
            for (int k = 0; k < entries; k++) table[r.ReadString()] = ReadWords(r);
            return new TranslationStatistics(pairs, documents, settings, TranslationModel.FromTable(table));
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException or IndexOutOfRangeException or ArgumentException)
        {
            throw new InvalidDataException($"damaged translation model ({e.Message})", e);
        }
    }

    private static int ReadFully(Stream stream, Span<byte> buffer)
    {
        int total = 0, n;
        while (total < buffer.Length && (n = stream.Read(buffer[total..])) > 0) total += n;
        return total;
    }

    private static (string[] Words, Dictionary<string, int> Ids) Vocabulary(IEnumerable<string> words)
    {
        var list = words.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var ids = new Dictionary<string, int>(list.Length, StringComparer.Ordinal);
        for (int i = 0; i < list.Length; i++) ids[list[i]] = i;
        return (list, ids);
    }

    private static void WriteWords(BinaryWriter w, IReadOnlyList<string> words)
    {
        w.Write7BitEncodedInt(words.Count);
        foreach (var s in words) w.Write(s);
    }

    private static string[] ReadWords(BinaryReader r)
    {
        var words = new string[Count(r)];
        for (int i = 0; i < words.Length; i++) words[i] = r.ReadString();
        return words;
    }

    private static void WriteIds(BinaryWriter w, string[] words, Dictionary<string, int> ids)
    {
        w.Write7BitEncodedInt(words.Length);
        foreach (var s in words) w.Write7BitEncodedInt(ids[s]);
    }

    private static string[] ReadIds(BinaryReader r, string[] vocabulary)
    {
        var words = new string[Count(r)];
        for (int i = 0; i < words.Length; i++) words[i] = vocabulary[r.Read7BitEncodedInt()];
        return words;
    }

    private static int Count(BinaryReader r)
    {
        int n = r.Read7BitEncodedInt();
        // Each item takes at least a byte: a larger count is damage, not a reason to allocate.
        if (n < 0 || n > r.BaseStream.Length - r.BaseStream.Position) throw new FormatException($"impossible count {n}");
        return n;
    }
}
