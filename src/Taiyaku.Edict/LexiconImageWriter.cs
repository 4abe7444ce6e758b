using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Taiyaku.Edict;

/// <summary>Writes the <see cref="LexiconImageFormat"/> image of a parsed lexicon; the same input gives the same bytes.</summary>
internal static class LexiconImageWriter
{
    public static byte[] Write(IReadOnlyDictionary<string, List<string>> entries)
    {
        string[] keys = [.. entries.Keys.Order(StringComparer.Ordinal)];
        string[] words = [.. entries.Values.SelectMany(w => w).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        var wordIndex = new Dictionary<string, int>(words.Length, StringComparer.Ordinal);
        for (int i = 0; i < words.Length; i++) wordIndex[words[i]] = i;

        int slots = LexiconImageFormat.SlotCount(keys.Length);
        var slot = new int[slots];
        var keyStart = new int[keys.Length + 1];
        var refStart = new int[keys.Length + 1];
        var refs = new List<int>(keys.Length * 4);
        for (int k = 0; k < keys.Length; k++)
        {
            keyStart[k + 1] = checked(keyStart[k] + keys[k].Length);
            foreach (string w in entries[keys[k]]) refs.Add(wordIndex[w]);
            refStart[k + 1] = refs.Count;
            uint i = LexiconImageFormat.Hash(keys[k]) & (uint)(slots - 1);
            while (slot[i] != 0) i = (i + 1) & (uint)(slots - 1);
            slot[i] = k + 1;
        }
        var wordStart = new int[words.Length + 1];
        for (int w = 0; w < words.Length; w++) wordStart[w + 1] = checked(wordStart[w] + words[w].Length);

        int[] header =
        [
            LexiconImageFormat.Magic, LexiconImageFormat.Version, keys.Length, words.Length, refs.Count, slots,
            keyStart[^1], wordStart[^1],
        ];
        var output = new MemoryStream();
        WriteInts(output, header);
        WriteInts(output, slot);
        WriteInts(output, keyStart);
        WriteInts(output, refStart);
        WriteInts(output, CollectionsMarshal.AsSpan(refs));
        WriteInts(output, wordStart);
        foreach (string k in keys) WriteChars(output, k);
        foreach (string w in words) WriteChars(output, w);
        return output.ToArray();
    }

    private static void WriteInts(Stream output, ReadOnlySpan<int> values)
    {
        Span<byte> b = stackalloc byte[4];
        foreach (int v in values)
        {
            BinaryPrimitives.WriteInt32LittleEndian(b, v);
            output.Write(b);
        }
    }

    private static void WriteChars(Stream output, string s)
    {
        Span<byte> b = stackalloc byte[2];
        foreach (char c in s)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(b, c);
            output.Write(b);
        }
    }
}
