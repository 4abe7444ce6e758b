using System.Text;
using Taiyaku.Japanese;

namespace Taiyaku.Japanese.Tests;

/// <summary>Offsets, whitespace, surrogates, threads, and the two APIs agreeing.</summary>
[Collection("dictionary")]
public sealed class AnalyzerTests(DictionaryFixture fixture)
{
    private static List<string> SampleLines() =>
        TestPaths.MecabLines(TestPaths.ReadGolden("corpus-sample.txt"))
            .Concat(TestPaths.MecabLines(TestPaths.ReadGolden("torture.txt")).Where(l => l.Length < 2000)).ToList();

    private static List<(string Surface, string Feature, int Offset, int Length)> Tokens(AnalyzerSession s, string text)
    {
        var list = new List<(string, string, int, int)>();
        foreach (var t in s.Analyze(text))
            list.Add((Encoding.UTF8.GetString(s.SurfaceUtf8(t)), Encoding.UTF8.GetString(s.FeatureUtf8(t)), t.Offset, t.Length));
        return list;
    }

    [SkippableFact]
    public void Offsets_point_at_each_surface_in_the_callers_string()
    {
        var s = new AnalyzerSession(fixture.Require());
        foreach (string line in SampleLines())
        {
            int last = 0;
            foreach (var (surface, _, offset, length) in Tokens(s, line))
            {
                Assert.Equal(surface, line.Substring(offset, length));
                Assert.True(offset >= last);
                Assert.True(string.IsNullOrWhiteSpace(line[last..offset]), "only whitespace is skipped between tokens");
                last = offset + length;
            }
        }
    }

    [SkippableFact]
    public void Lone_surrogates_are_analysed_as_replacement_characters()
    {
        var s = new AnalyzerSession(fixture.Require());
        foreach (string text in new[] { "漢\uD800字", "a\uDC00b", "末尾\uD83D", "\uDE00先頭", "\uDC00\uD800逆順", "正常😀と\uD83D異常" })
        {
            var a = Tokens(s, text);
            var b = Tokens(s, Sanitize(text));
            Assert.Equal(b.Select(t => (t.Surface, t.Feature)), a.Select(t => (t.Surface, t.Feature)));
            // Offsets are into the original string: each surrogate maps to one replacement character.
            Assert.Equal(b.Select(t => (t.Offset, t.Length)), a.Select(t => (t.Offset, t.Length)));
            foreach (var t in a) Assert.Equal(Sanitize(text.Substring(t.Offset, t.Length)), t.Surface);
        }
    }

    // Lone surrogates become U+FFFD; valid pairs stay.
    private static string Sanitize(string text)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { sb.Append(text, i, 2); i++; }
            else sb.Append(char.IsSurrogate(text[i]) ? '\uFFFD' : text[i]);
        }
        return sb.ToString();
    }

    [SkippableFact]
    public void Non_bmp_characters_have_utf16_offsets()
    {
        var s = new AnalyzerSession(fixture.Require());
        string text = "😀寿司𠮷野家";
        var tokens = Tokens(s, text);
        Assert.Equal(text, string.Concat(tokens.Select(t => t.Surface)));
        foreach (var t in tokens) Assert.Equal(t.Surface, text.Substring(t.Offset, t.Length));
        // mecab maps every 4-byte sequence to code 0, so the emoji is never split inside its surrogate pair.
        Assert.All(tokens, t => Assert.False(char.IsLowSurrogate(text[t.Offset])));
    }

    [SkippableFact]
    public void Whitespace_is_skipped_and_charged_to_the_next_token()
    {
        var s = new AnalyzerSession(fixture.Require());
        var plain = Tokens(s, "先頭の空白");
        var spaced = Tokens(s, " \t 先頭の空白  \t");
        Assert.Equal(plain.Select(t => (t.Surface, t.Feature)), spaced.Select(t => (t.Surface, t.Feature)));
        Assert.Equal(3, spaced[0].Offset);
        Assert.Equal(plain.Select(t => t.Offset + 3), spaced.Select(t => t.Offset));
        Assert.Empty(Tokens(s, " \t  "));
        Assert.Empty(Tokens(s, ""));
        // The spaces' cost goes nowhere else: the inner tab only moves the next token.
        var inner = Tokens(s, "先頭\tの空白");
        Assert.DoesNotContain(inner, t => t.Surface.Contains('\t'));
    }

    [SkippableFact]
    public void Simple_and_span_apis_agree()
    {
        var dic = fixture.Require();
        var analyzer = new MorphologicalAnalyzer(dic);
        var s = new AnalyzerSession(dic);
        foreach (string line in SampleLines())
        {
            var simple = analyzer.Analyze(line).Select(m => (m.Surface, m.Feature, m.Offset, m.Length)).ToList();
            Assert.Equal(Tokens(s, line), simple);
            var utf8 = s.AnalyzeUtf8(Encoding.UTF8.GetBytes(line)).ToArray();
            Assert.Equal(simple.Count, utf8.Length);
        }
    }

    [SkippableFact]
    public void Ipadic_fields_are_split_from_the_feature()
    {
        var analyzer = new MorphologicalAnalyzer(fixture.Require());
        foreach (string line in SampleLines().Take(100))
            foreach (var m in analyzer.Analyze(line))
            {
                Assert.Equal(m.Feature, string.Join(",", m.Fields));
                Assert.Equal(m.Fields.Take(4).Where(f => f != "*"), m.PartOfSpeech);
                Assert.Equal(m.Fields.Count > 6 && m.Fields[6] != "*" ? m.Fields[6] : null, m.BaseForm);
                Assert.Equal(m.Fields.Count > 7 ? m.Fields[7] : null, m.Reading);
                Assert.Equal(m.Fields.Count > 8 ? m.Fields[8] : null, m.Pronunciation);
                if (!m.IsUnknown) Assert.Equal(9, m.Fields.Count);
            }
    }

    [SkippableFact]
    public void Concurrent_sessions_sharing_one_dictionary_give_identical_results()
    {
        var dic = fixture.Require();
        var lines = SampleLines();
        var single = new AnalyzerSession(dic);
        var expected = lines.Select(l => Tokens(single, l)).ToList();
        var analyzer = new MorphologicalAnalyzer(dic);
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var threads = Enumerable.Range(0, 4).Select(k => new Thread(() =>
        {
            var s = new AnalyzerSession(dic);
            for (int round = 0; round < 3; round++)
                for (int i = (k * 37) % lines.Count, n = 0; n < lines.Count; n++, i = (i + 1) % lines.Count)
                {
                    if (!Tokens(s, lines[i]).SequenceEqual(expected[i])) failures.Add($"session thread {k} line {i}");
                    var simple = analyzer.Analyze(lines[i]).Select(m => (m.Surface, m.Feature, m.Offset, m.Length));
                    if (!simple.SequenceEqual(expected[i])) failures.Add($"shared analyzer thread {k} line {i}");
                }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.Empty(failures);
    }

    [SkippableFact]
    public void ToMorpheme_gives_the_tokens_surface_and_feature()
    {
        var s = new AnalyzerSession(fixture.Require());
        int checkedTokens = 0;
        foreach (string line in SampleLines())
        {
            foreach (ref readonly var t in s.Analyze(line))
            {
                var m = s.ToMorpheme(t, line);
                Assert.Equal(line.Substring(t.Offset, t.Length), m.Surface);
                Assert.Equal(Encoding.UTF8.GetString(s.FeatureUtf8(t)), m.Feature);
                Assert.Equal((t.Offset, t.Length, t.IsUnknown), (m.Offset, m.Length, m.IsUnknown));
                checkedTokens++;
            }
        }
        Assert.True(checkedTokens > 1000);
    }

    [SkippableFact]
    public void Rented_sessions_come_from_the_analysers_pool_and_only_its_own_go_back()
    {
        var analyzer = new MorphologicalAnalyzer(fixture.Require());
        var session = analyzer.RentSession();
        Assert.Same(fixture.Require(), session.Dictionary);
        string line = SampleLines()[0];
        Assert.Equal(analyzer.Analyze(line).Select(m => m.Surface), session.Analyze(line).ToArray().Select(t => session.ToMorpheme(t, line).Surface));
        analyzer.ReturnSession(session);
        Assert.Same(session, analyzer.RentSession());   // the same thread gets its session back
        using var other = MorphologicalAnalyzer.Open(TestPaths.Dictionary);
        Assert.Throws<ArgumentException>(() => analyzer.ReturnSession(other.RentSession()));
    }

    [SkippableFact]
    public void Warm_session_allocates_nothing()
    {
        var dic = fixture.Require();
        var s = new AnalyzerSession(dic);
        var lines = SampleLines().Select(Encoding.UTF8.GetBytes).ToList();
        var chars = SampleLines();
        int total = 0;
        for (int i = 0; i < lines.Count; i++) { s.AnalyzeUtf8(lines[i]); s.Analyze(chars[i]); }
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < lines.Count; i++)
        {
            foreach (var t in s.AnalyzeUtf8(lines[i])) total += s.FeatureUtf8(t).Length + s.SurfaceUtf8(t).Length;
            total += s.Analyze(chars[i]).Length;
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(total > 0);
        Assert.Equal(0, allocated);
    }

    [SkippableFact]
    public void Writer_ends_a_sentence_at_nul_like_mecab()
    {
        var dic = fixture.Require();
        var w = new MecabOutputWriter(new AnalyzerSession(dic), MecabOutputFormat.Default);
        var a = new MemoryStream();
        w.Process(new MemoryStream("東京\0大阪\n"u8.ToArray()), a);
        var b = new MemoryStream();
        w.Process(new MemoryStream("東京\n"u8.ToArray()), b);
        Assert.Equal(b.ToArray(), a.ToArray());
    }

    [SkippableFact]
    public void Disposed_dictionary_is_refused()
    {
        var dic = MecabDictionary.Open(TestPaths.Dictionary);
        var s = new AnalyzerSession(dic);
        s.Analyze("東京");
        dic.Dispose();
        Assert.Throws<ObjectDisposedException>(() => s.Analyze("東京"));
    }
}
