using System.Text;

namespace Taiyaku.Japanese.Dictionary;

/// <summary>
/// Assigns context ids to entries written with negative ids, as mecab-dict-index does: rewrite.def turns the
/// feature into a left and a right context feature, which left-id.def and right-id.def map to ids.
/// </summary>
internal sealed class ContextIdAssigner
{
    private readonly List<RewritePattern> _unigram = [];
    private readonly List<RewritePattern> _left = [];
    private readonly List<RewritePattern> _right = [];
    private readonly Dictionary<string, int> _leftIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _rightIds = new(StringComparer.Ordinal);

    public static IReadOnlyList<string> Files { get; } = ["rewrite.def", "left-id.def", "right-id.def"];

    public static ContextIdAssigner Load(string directory, Charset configCharset, int leftSize, int rightSize)
    {
        foreach (var f in Files)
        {
            var path = Path.Combine(directory, f);
            if (!File.Exists(path))
                throw new DictionaryCompileException(path, 0, "no such file (negative context ids are assigned through rewrite.def, left-id.def and right-id.def)");
        }

        var a = new ContextIdAssigner();
        a.LoadRewrite(Path.Combine(directory, "rewrite.def"), configCharset);
        LoadIds(Path.Combine(directory, "left-id.def"), configCharset, a._leftIds, leftSize);
        LoadIds(Path.Combine(directory, "right-id.def"), configCharset, a._rightIds, rightSize);
        return a;
    }

    /// <summary>The (left, right) ids of a feature, or null with the reason.</summary>
    public (int Left, int Right)? Assign(string feature, out string? problem)
    {
        problem = null;
        var cols = Tokenizer.SplitCsv(feature);
        if (!Rewrite(_unigram, cols, out _) || !Rewrite(_left, cols, out var l) || !Rewrite(_right, cols, out var r))
        {
            problem = $"rewrite failed: no rule of rewrite.def matches '{feature}'";
            return null;
        }

        if (!_leftIds.TryGetValue(l, out var lid))
        {
            problem = $"cannot find LEFT-ID for {l}";
            return null;
        }

        if (!_rightIds.TryGetValue(r, out var rid))
        {
            problem = $"cannot find RIGHT-ID for {r}";
            return null;
        }

        return (lid, rid);
    }

    private static bool Rewrite(List<RewritePattern> rules, List<string> cols, out string output)
    {
        foreach (var rule in rules)
        {
            if (rule.TryRewrite(cols, out output)) return true;
        }

        output = "";
        return false;
    }

    private static string Decode(SourceText text, SourceLine line, ReadOnlySpan<byte> bytes, Charset charset)
    {
        try
        {
            return charset.Decode(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new DictionaryCompileException(text.Path, line.Number, $"wrong encoding: invalid {charset.Name} byte sequence", e);
        }
    }

    private void LoadRewrite(string path, Charset charset)
    {
        var text = SourceText.Read(path);
        List<RewritePattern>? section = null;
        Span<Range> cols = stackalloc Range[3];
        foreach (var line in text.Lines())
        {
            var span = text.Span(line);
            if (span.IsEmpty || span[0] == (byte)'#') continue;
            var s = Decode(text, line, span, charset);
            switch (s)
            {
                case "[unigram rewrite]": section = _unigram; continue;
                case "[left rewrite]": section = _left; continue;
                case "[right rewrite]": section = _right; continue;
            }

            if (section is null) throw text.Error(line, "no sections found");
            var n = Tokenizer.SplitBlank(span, cols);
            if (n < 2) throw text.Error(line, "format error: expected 'PATTERN REWRITE'");
            // A third column is part of the destination (MeCab joins it with a space).
            var dst = Decode(text, line, span[cols[1]], charset) + (n >= 3 ? " " + Decode(text, line, span[cols[2]], charset) : "");
            section.Add(new RewritePattern(Tokenizer.SplitCsv(Decode(text, line, span[cols[0]], charset)), Tokenizer.SplitCsv(dst)));
        }
    }

    private static void LoadIds(string path, Charset charset, Dictionary<string, int> ids, int expected)
    {
        var text = SourceText.Read(path);
        Span<Range> cols = stackalloc Range[2];
        foreach (var line in text.Lines())
        {
            var span = text.Span(line);
            if (Tokenizer.SplitBlank(span, cols) != 2 || !Tokenizer.TryParseInt(span[cols[0]], out var id))
                throw text.Error(line, "format error: expected 'ID FEATURE'");
            ids.TryAdd(Decode(text, line, span[cols[1]], charset), id);
        }

        if (ids.Count != expected)
            throw new DictionaryCompileException(path, 0, $"{ids.Count} context ids for a matrix of size {expected}: the file does not belong to this matrix");
    }

    /// <summary>The definition files re-encoded to <paramref name="to"/>, for a compiled dictionary's folder.</summary>
    public static IEnumerable<(string Name, byte[] Bytes)> Convert(string sourceDirectory, Charset from, Charset to)
    {
        foreach (var name in Files.Append("pos-id.def"))
        {
            var path = Path.Combine(sourceDirectory, name);
            if (!File.Exists(path)) continue;
            var bytes = File.ReadAllBytes(path);
            if (from.SameAs(to))
            {
                yield return (name, bytes);
                continue;
            }

            string s;
            try
            {
                s = from.Decode(bytes);
            }
            catch (DecoderFallbackException e)
            {
                throw new DictionaryCompileException(path, 0, $"wrong encoding: not {from.Name}", e);
            }

            yield return (name, to.Encode(s));
        }
    }
}
