using Taiyaku.Japanese;
using System.Buffers.Binary;
using System.Text;

namespace Taiyaku.Japanese.Dictionary;

/// <summary>One lexicon entry with surface and feature already in the output charset.</summary>
internal readonly record struct LexiconEntry(byte[] Surface, ushort LeftId, ushort RightId, ushort PosId, short Cost, byte[] Feature);

/// <summary>Reads lexicon CSVs (and unk.def, which has the same shape) into entries.</summary>
internal sealed class LexiconReader(Charset from, Charset to, PosIdGenerator posIds, int leftSize, int rightSize, Lazy<ContextIdAssigner> contextIds)
{
    // categoryNames: for unk.def, the char.def categories, which its surfaces must name.
    public List<LexiconEntry> Read(SourceText text, IReadOnlySet<string>? categoryNames, List<string> warnings, CancellationToken ct) =>
        Read(text, categoryNames, warnings, ct, out _);

    /// <summary>The entries of <paramref name="text"/>, and in <paramref name="lines"/> how many lines it has.</summary>
    public List<LexiconEntry> Read(SourceText text, IReadOnlySet<string>? categoryNames, List<string> warnings, CancellationToken ct, out int lines)
    {
        var entries = new List<LexiconEntry>();
        var fields = new List<byte[]>(5);
        lines = 0;
        foreach (var line in text.Lines())
        {
            lines = line.Number;
            if ((line.Number & 0x3FFF) == 0) ct.ThrowIfCancellationRequested();
            var span = text.Span(line);
            if (!Tokenizer.SplitCsv(span, 5, fields)) throw text.Error(line, "malformed CSV: unterminated quoted field");
            if (fields.Count != 5)
            {
                if (span.IsEmpty) continue;
                throw text.Error(line, $"wrong column count: expected at least 5 (surface,left_id,right_id,cost,feature...), found {fields.Count}");
            }

            // An empty id is what mecab-dict-index makes of it: like a negative one, derived from the feature below.
            var lid = -1;
            var rid = -1;
            if (fields[1].Length > 0 && !Tokenizer.TryParseInt(fields[1], out lid)) throw text.Error(line, $"malformed CSV: left id '{Ascii(fields[1])}' is not an integer");
            if (fields[2].Length > 0 && !Tokenizer.TryParseInt(fields[2], out rid)) throw text.Error(line, $"malformed CSV: right id '{Ascii(fields[2])}' is not an integer");
            if (!Tokenizer.TryParseInt(fields[3], out var cost)) throw text.Error(line, $"malformed CSV: cost '{Ascii(fields[3])}' is not an integer");
            string feature;
            string surface;
            var surfaceBytes = fields[0];
            try
            {
                // Like mecab-dict-index, which calls iconv only between different charsets, bytes copied unconverted
                // are not validated (Debian's JUMAN sources hold some that are not UTF-8).
                var copied = from.SameAs(to);
                feature = copied ? from.DecodeLenient(fields[4]) : from.Decode(fields[4]);
                surface = copied ? from.DecodeLenient(surfaceBytes) : from.Decode(surfaceBytes);
            }
            catch (DecoderFallbackException e)
            {
                throw new DictionaryCompileException(text.Path, line.Number, $"wrong encoding: invalid {from.Name} byte sequence", e);
            }

            if (lid < 0 || rid < 0)
            {
                // Like mecab-dict-index: a negative id has both ids derived from the feature.
                (lid, rid) = contextIds.Value.Assign(feature, out var problem) ?? throw text.Error(line, problem!);
            }

            // MeCab's Connector::is_valid: the left id indexes the matrix's right size and vice versa.
            if (lid >= rightSize || rid >= leftSize)
                throw text.Error(line, $"id outside the matrix: left_id={lid} right_id={rid}, matrix is {leftSize} x {rightSize}");
            if (cost is < short.MinValue or > short.MaxValue)
                throw text.Error(line, $"cost {cost} does not fit in 16 bits");

            if (surfaceBytes.Length == 0)
            {
                warnings.Add($"{text.Path}:{line.Number}: empty surface, line skipped");
                continue;
            }

            byte[] outSurface;
            byte[] outFeature;
            if (categoryNames is not null)
            {
                if (!categoryNames.Contains(surface)) throw text.Error(line, $"category [{surface}] is undefined in char.def");
                outSurface = surfaceBytes; // MeCab does not convert unk.def's category names
            }
            else
            {
                outSurface = Convert(text, line, surfaceBytes, surface);
            }

            outFeature = Convert(text, line, fields[4], feature);
            var pid = posIds.Id(feature);
            entries.Add(new LexiconEntry(outSurface, (ushort)lid, (ushort)rid, (ushort)pid, (short)cost, outFeature));
        }

        return entries;
    }

    private byte[] Convert(SourceText text, SourceLine line, byte[] original, string decoded)
    {
        if (from.SameAs(to)) return original;
        try
        {
            return to.Encode(decoded);
        }
        catch (EncoderFallbackException e)
        {
            throw new DictionaryCompileException(text.Path, line.Number, $"'{decoded}' cannot be represented in {to.Name}", e);
        }
    }

    private static string Ascii(byte[] b) => Encoding.Latin1.GetString(b);
}

/// <summary>Writes MeCab's dictionary file (sys.dic, unk.dic or a user dictionary).</summary>
internal static class DictionaryWriter
{
    public const uint MagicId = DictionaryFileFormat.MagicId;
    public const uint Version = DictionaryFileFormat.Version;
    public const int HeaderSize = DictionaryFileFormat.HeaderSize;
    public const int TokenSize = DictionaryFileFormat.TokenSize;

    /// <summary>
    /// Layout: header (magic, version, type, lexsize, lsize, rsize, dsize, tsize, fsize, reserved, 32-byte charset),
    /// the double array, the tokens sorted by surface bytes (stable), then the NUL-terminated features in input order.
    /// The trie maps a surface to (index of its first token &lt;&lt; 8) | number of tokens with that surface.
    /// </summary>
    public static byte[] Build(IReadOnlyList<LexiconEntry> entries, uint type, int leftSize, int rightSize, string charsetName, string fileForErrors)
    {
        // Feature offsets follow input order.
        var featureOffsets = new int[entries.Count];
        long fsize = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            featureOffsets[i] = checked((int)fsize);
            fsize += entries[i].Feature.Length + 1;
        }

        // Sorted like std::stable_sort on (surface, insertion): ordinal bytes, then input order. The first eight
        // bytes, big-endian, decide most comparisons without touching the arrays.
        var sortKeys = new (ulong Prefix, int Index)[entries.Count];
        Span<byte> head = stackalloc byte[8];
        for (var i = 0; i < sortKeys.Length; i++)
        {
            var surface = entries[i].Surface;
            head.Clear();
            surface.AsSpan(0, Math.Min(8, surface.Length)).CopyTo(head);
            sortKeys[i] = (BinaryPrimitives.ReadUInt64BigEndian(head), i);
        }

        Array.Sort(sortKeys, new SurfaceOrder(entries));
        var order = new int[entries.Count];
        for (var i = 0; i < order.Length; i++) order[i] = sortKeys[i].Index;

        var keys = new List<byte[]>();
        var values = new List<int>();
        var start = 0;
        for (var i = 1; i <= order.Length; i++)
        {
            if (i < order.Length && entries[order[i]].Surface.AsSpan().SequenceEqual(entries[order[start]].Surface)) continue;
            var count = i - start;
            if (count > 255)
            {
                throw new DictionaryCompileException(fileForErrors, 0,
                    $"{count} entries share the surface '{Encoding.UTF8.GetString(entries[order[start]].Surface)}'; MeCab's format allows at most 255");
            }

            if (start > 0x7FFFFF) throw new DictionaryCompileException(fileForErrors, 0, "too many entries for MeCab's format");
            keys.Add(entries[order[start]].Surface);
            values.Add((start << 8) | count);
            start = i;
        }

        var array = entries.Count == 0 ? [] : new DoubleArrayBuilder([.. keys], [.. values]).Build();

        var tsize = entries.Count * TokenSize;
        var total = checked(HeaderSize + array.Length + tsize + (int)fsize);
        var output = new byte[total];
        var span = output.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span[0..], (uint)total ^ MagicId);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], Version);
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], type);
        BinaryPrimitives.WriteUInt32LittleEndian(span[12..], (uint)entries.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], (uint)leftSize);
        BinaryPrimitives.WriteUInt32LittleEndian(span[20..], (uint)rightSize);
        BinaryPrimitives.WriteUInt32LittleEndian(span[24..], (uint)array.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(span[28..], (uint)tsize);
        BinaryPrimitives.WriteUInt32LittleEndian(span[32..], (uint)fsize);
        var name = Encoding.ASCII.GetBytes(charsetName);
        name.AsSpan(0, Math.Min(31, name.Length)).CopyTo(span[40..]);

        var at = HeaderSize;
        array.CopyTo(span[at..]);
        at += array.Length;
        foreach (var i in order)
        {
            var e = entries[i];
            BinaryPrimitives.WriteUInt16LittleEndian(span[at..], e.LeftId);
            BinaryPrimitives.WriteUInt16LittleEndian(span[(at + 2)..], e.RightId);
            BinaryPrimitives.WriteUInt16LittleEndian(span[(at + 4)..], e.PosId);
            BinaryPrimitives.WriteInt16LittleEndian(span[(at + 6)..], e.Cost);
            BinaryPrimitives.WriteUInt32LittleEndian(span[(at + 8)..], (uint)featureOffsets[i]);
            // compound (4 bytes) stays 0
            at += TokenSize;
        }

        foreach (var e in entries)
        {
            e.Feature.CopyTo(span[at..]);
            at += e.Feature.Length + 1;
        }

        return output;
    }
}

/// <summary>Ordinal surface order, then input order; prefixes hold the first eight bytes (surfaces have no NUL).</summary>
internal sealed class SurfaceOrder(IReadOnlyList<LexiconEntry> entries) : IComparer<(ulong Prefix, int Index)>
{
    public int Compare((ulong Prefix, int Index) x, (ulong Prefix, int Index) y)
    {
        if (x.Prefix != y.Prefix) return x.Prefix < y.Prefix ? -1 : 1;
        var a = entries[x.Index].Surface;
        var b = entries[y.Index].Surface;
        if (a.Length > 8 || b.Length > 8)
        {
            var c = a.AsSpan().SequenceCompareTo(b);
            if (c != 0) return c;
        }

        return x.Index.CompareTo(y.Index);
    }
}
