using System.IO.Compression;
using System.Text;

namespace Taiyaku.Edict;

/// <summary>
/// Reads the text form of the lexicon (UTF-8 lines <c>key\tword word ...</c>, plain or gzip). Shared with the build-time
/// compiler (Compiler/), which turns the embedded text into the binary image, so both read it the same way.
/// </summary>
internal static class LexiconTsv
{
    /// <summary>Reads every byte of <paramref name="tsv"/>, inflating gzip (recognised by its first bytes).</summary>
    public static string ReadText(Stream tsv)
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
        return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(data);
    }

    /// <summary>
    /// Parses the lines into key → distinct words in file order. A key given on several lines gets the words of all of
    /// them, in line order. <paramref name="normalizeKey"/>, when given, maps each key first (NFKC for user files).
    /// </summary>
    /// <exception cref="InvalidDataException">A line has no tab or no words.</exception>
    public static Dictionary<string, List<string>> Parse(string text, Func<string, string>? normalizeKey)
    {
        var map = new Dictionary<string, List<string>>(text.Length / 36, StringComparer.Ordinal);
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();
        int lineNumber = 0;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            lineNumber++;
            if (line.IsEmpty) continue;
            int tab = line.IndexOf('\t');
            if (tab <= 0) throw new InvalidDataException($"lexicon line {lineNumber}: expected 'key<TAB>words'");
            var rest = line[(tab + 1)..];
            if (!rest.ContainsAnyExcept(' ')) throw new InvalidDataException($"lexicon line {lineNumber}: no words");
            string key = line[..tab].ToString();
            if (normalizeKey != null) key = normalizeKey(key);
            bool known = map.TryGetValue(key, out var words);
            words ??= new List<string>(4);
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
            if (!known) map[key] = words;
        }
        return map;
    }
}
