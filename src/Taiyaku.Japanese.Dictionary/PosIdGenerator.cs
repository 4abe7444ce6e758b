using System.Text;

namespace Taiyaku.Japanese.Dictionary;

/// <summary>One rewrite rule of pos-id.def / rewrite.def: a CSV source pattern and a CSV destination template.</summary>
internal sealed class RewritePattern(IReadOnlyList<string> source, IReadOnlyList<string> destination)
{
    public int SourceCount => source.Count;

    public bool TryRewrite(IReadOnlyList<string> input, out string output)
    {
        output = "";
        if (source.Count > input.Count) return false;
        for (var i = 0; i < source.Count; i++)
        {
            if (!Matches(source[i], input[i])) return false;
        }

        var sb = new StringBuilder();
        for (var i = 0; i < destination.Count; i++)
        {
            var d = destination[i];
            var elm = new StringBuilder();
            for (var p = 0; p < d.Length; p++)
            {
                if (d[p] != '$')
                {
                    elm.Append(d[p]);
                    continue;
                }

                var n = 0;
                p++;
                while (p < d.Length && char.IsAsciiDigit(d[p])) n = (10 * n) + (d[p++] - '0');
                if (n <= 0 || n > input.Count) return false;
                elm.Append(input[n - 1]);
                if (p < d.Length) elm.Append(d[p]);
            }

            var e = elm.ToString();
            if (e.Contains(',') || e.Contains('"')) e = "\"" + e.Replace("\"", "\"\"") + "\"";
            sb.Append(e);
            if (i + 1 != destination.Count) sb.Append(',');
        }

        output = sb.ToString();
        return true;
    }

    private static bool Matches(string pattern, string value)
    {
        if (pattern.StartsWith('*') || pattern == value) return true;
        if (pattern.Length >= 3 && pattern[0] == '(' && pattern[^1] == ')')
        {
            foreach (var alt in pattern[1..^1].Split('|'))
            {
                if (alt == value) return true;
            }
        }

        return false;
    }
}

/// <summary>Assigns part-of-speech ids from pos-id.def (MeCab's POSIDGenerator); every feature gets 1 without the file.</summary>
internal sealed class PosIdGenerator
{
    private readonly List<RewritePattern> _rules = [];
    private readonly int _columns;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _cache = new(StringComparer.Ordinal);

    private PosIdGenerator(List<RewritePattern> rules)
    {
        _rules = rules;
        _columns = rules.Count == 0 ? 0 : rules.Max(r => r.SourceCount);
    }

    public static PosIdGenerator Load(string path, Charset configCharset)
    {
        if (!File.Exists(path))
        {
            return new PosIdGenerator([new RewritePattern(["*"], ["1"])]);
        }

        var text = SourceText.Read(path);
        var rules = new List<RewritePattern>();
        Span<Range> cols = stackalloc Range[3];
        foreach (var line in text.Lines())
        {
            var span = text.Span(line);
            if (span.IsEmpty) continue;
            if (Tokenizer.SplitBlank(span, cols) != 2) throw text.Error(line, "format error: expected 'pattern id'");
            string pattern;
            try
            {
                pattern = configCharset.Decode(span[cols[0]]);
            }
            catch (DecoderFallbackException e)
            {
                throw new DictionaryCompileException(path, line.Number, $"invalid {configCharset.Name} byte sequence", e);
            }

            var id = Encoding.ASCII.GetString(span[cols[1]]);
            if (!id.All(char.IsAsciiDigit)) throw text.Error(line, $"not a number: {id}");
            rules.Add(new RewritePattern(Tokenizer.SplitCsv(pattern), [id]));
        }

        return new PosIdGenerator(rules);
    }

    /// <summary>The id of a feature (decoded text), or -1 when no rule matches (stored as 0xFFFF, as MeCab does).</summary>
    public int Id(string feature)
    {
        // Rules look at the first few columns only, so those (raw, up to the next comma) are the cache key.
        var key = Prefix(feature);
        if (_cache.TryGetValue(key, out var cached)) return cached;
        var cols = Tokenizer.SplitCsv(feature);
        var id = -1;
        foreach (var rule in _rules)
        {
            if (rule.TryRewrite(cols, out var s))
            {
                id = AtoI(s);
                break;
            }
        }

        _cache[key] = id;
        return id;
    }

    private string Prefix(string feature)
    {
        if (feature.Contains('"')) return feature; // quoting changes where columns end: no sharing
        var end = -1;
        for (var n = 0; n < _columns; n++)
        {
            end = feature.IndexOf(',', end + 1);
            if (end < 0) return feature;
        }

        return feature[..end];
    }

    private static int AtoI(string s)
    {
        var v = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c)) break;
            v = (v * 10) + (c - '0');
        }

        return v;
    }
}
