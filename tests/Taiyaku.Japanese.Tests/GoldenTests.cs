using System.Diagnostics;
using System.Text;
using Taiyaku.Japanese;

namespace Taiyaku.Japanese.Tests;

/// <summary>Our output against mecab's, from committed golden files (made by Golden/regenerate.sh).</summary>
[Collection("dictionary")]
public sealed class GoldenTests(DictionaryFixture fixture)
{
    private static byte[] Run(MecabDictionary dic, byte[] input, MecabOutputFormat format)
    {
        var writer = new MecabOutputWriter(new AnalyzerSession(dic), format);
        using var output = new MemoryStream();
        writer.Process(new MemoryStream(input), output);
        return output.ToArray();
    }

    [SkippableTheory]
    [InlineData("corpus-sample.txt", "corpus-sample.mecab", MecabOutputFormat.Default)]
    [InlineData("corpus-sample.txt", "corpus-sample.wakati", MecabOutputFormat.Wakati)]
    [InlineData("torture.txt", "torture.mecab.gz", MecabOutputFormat.Default)]
    [InlineData("torture.txt", "torture.wakati.gz", MecabOutputFormat.Wakati)]
    [InlineData("edge-cases.txt.gz", "edge-cases.mecab.gz", MecabOutputFormat.Default)]
    [InlineData("edge-cases.txt.gz", "edge-cases.wakati.gz", MecabOutputFormat.Wakati)]
    [InlineData("cap-runs.txt.gz", "cap-runs.mecab.gz", MecabOutputFormat.Default)]
    [InlineData("invalid-utf8.txt.gz", "invalid-utf8.mecab.gz", MecabOutputFormat.Default)]
    public void Writer_output_is_byte_identical_to_mecab(string input, string golden, MecabOutputFormat format)
    {
        var dic = fixture.Require();
        byte[] expected = TestPaths.ReadGolden(golden);
        byte[] actual = Run(dic, TestPaths.ReadGolden(input), format);
        AssertSameBytes(expected, actual, golden);
    }

    [SkippableTheory]
    [InlineData("corpus-sample.txt", "corpus-sample.mecab")]
    [InlineData("torture.txt", "torture.mecab.gz")]
    [InlineData("edge-cases.txt.gz", "edge-cases.mecab.gz")]
    public void String_api_gives_mecab_tokens_line_by_line(string input, string golden)
    {
        var dic = fixture.Require();
        var lines = TestPaths.MecabLines(TestPaths.ReadGolden(input));
        var expected = Encoding.UTF8.GetString(TestPaths.ReadGolden(golden)).Split("EOS\n");
        Assert.Equal(lines.Count + 1, expected.Length); // one block per line, then the empty tail
        var analyzer = new MorphologicalAnalyzer(dic);
        int compared = 0;
        for (int i = 0; i < lines.Count; i++)
        {
            // Where mecab's 65,535-byte look-up cap cuts a character in two, its output holds half a UTF-8
            // character, which no UTF-16 string can show; the byte-level writer test covers those lines.
            if (expected[i].Contains('\uFFFD') && !lines[i].Contains('\uFFFD')) continue;
            compared++;
            var sb = new StringBuilder();
            foreach (var m in analyzer.Analyze(lines[i]))
            {
                Assert.Equal(m.Surface, lines[i].Substring(m.Offset, m.Length));
                sb.Append(m.Surface).Append('\t').Append(m.Feature).Append('\n');
            }
            Assert.True(expected[i] == sb.ToString(), $"{input} line {i + 1} differs");
        }
        Assert.True(compared > lines.Count - 10, $"only {compared} of {lines.Count} lines compared");
    }

    [SkippableFact]
    public void User_dictionary_output_is_byte_identical_to_mecab()
    {
        string user = Path.Combine(TestPaths.Golden, "user-dic.dic");
        using var dic = MecabDictionary.Open(TestPaths.Dictionary, [user]);
        Assert.Equal([user], dic.UserDictionaries);
        byte[] actual = Run(dic, TestPaths.ReadGolden("user-dic.txt"), MecabOutputFormat.Default);
        AssertSameBytes(TestPaths.ReadGolden("user-dic.mecab"), actual, "user-dic.mecab");
    }

    internal static void AssertSameBytes(byte[] expected, byte[] actual, string what)
    {
        if (expected.AsSpan().SequenceEqual(actual)) return;
        int at = expected.AsSpan().CommonPrefixLength(actual);
        int line = 1 + expected.AsSpan(0, at).Count((byte)'\n');
        int from = Math.Max(0, at - 80);
        string Near(byte[] b) => Encoding.UTF8.GetString(b, from, Math.Min(b.Length - from, 200));
        Assert.Fail($"{what}: first difference at byte {at} (output line {line}).\nexpected: {Near(expected)}\nactual:   {Near(actual)}");
    }
}

/// <summary>The full comparison with the installed mecab over every Japanese corpus line.</summary>
[Collection("dictionary")]
public sealed class ParityTests(DictionaryFixture fixture)
{
    private static string? FindMecab()
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            string p = Path.Combine(dir, "mecab");
            if (dir.Length > 0 && File.Exists(p)) return p;
        }
        return null;
    }

    [SkippableFact]
    public void Every_corpus_line_matches_the_installed_mecab()
    {
        string? mecab = FindMecab();
        Skip.If(mecab == null, "mecab is not installed");
        Skip.IfNot(Directory.Exists(TestPaths.Corpora), "no corpora at " + TestPaths.Corpora);
        var dic = fixture.Require();
        var files = Directory.GetFiles(Path.Combine(TestPaths.Corpora, "bible-ja-en"), "*.ja")
            .Concat(Directory.Exists(Path.Combine(TestPaths.Corpora, "kyoto-wiki"))
                ? Directory.GetFiles(Path.Combine(TestPaths.Corpora, "kyoto-wiki"), "*.ja", SearchOption.AllDirectories) : [])
            .Order(StringComparer.Ordinal).ToList();
        Skip.If(files.Count == 0, "no .ja files in " + TestPaths.Corpora);

        // One mecab process over everything, each line tagged with where it came from.
        var lines = new List<(string File, int Line, byte[] Text)>();
        foreach (string f in files)
        {
            int n = 0;
            foreach (var l in TestPaths.MecabLines(File.ReadAllBytes(f)))
                lines.Add((f, ++n, Encoding.UTF8.GetBytes(l)));
        }
        string tmp = Path.GetTempFileName();
        try
        {
            using (var fs = File.Create(tmp))
                foreach (var l in lines) { fs.Write(l.Text); fs.WriteByte((byte)'\n'); }
            var psi = new ProcessStartInfo(mecab!, ["-b", "16777216", "-d", dic.DirectoryPath, tmp])
            { RedirectStandardOutput = true, UseShellExecute = false };
            using var p = Process.Start(psi)!;
            using var ms = new MemoryStream();
            p.StandardOutput.BaseStream.CopyTo(ms);
            p.WaitForExit();
            Assert.Equal(0, p.ExitCode);
            var expected = SplitSentences(ms.ToArray());
            Assert.Equal(lines.Count, expected.Count);

            var writer = new MecabOutputWriter(new AnalyzerSession(dic), MecabOutputFormat.Default);
            var out1 = new MemoryStream();
            var bad = new List<string>();
            for (int i = 0; i < lines.Count; i++)
            {
                out1.SetLength(0);
                writer.WriteSentence(lines[i].Text, out1);
                writer.Flush(out1);
                if (!out1.ToArray().AsSpan().SequenceEqual(expected[i]))
                    bad.Add($"{lines[i].File}:{lines[i].Line}");
            }
            Assert.True(bad.Count == 0, $"{bad.Count} of {lines.Count} lines differ, e.g. {string.Join(", ", bad.Take(10))}");
        }
        finally
        {
            File.Delete(tmp);
        }
    }

    private static List<byte[]> SplitSentences(byte[] output)
    {
        var result = new List<byte[]>();
        int start = 0;
        ReadOnlySpan<byte> eos = "EOS\n"u8;
        for (int i = 0; i < output.Length;)
        {
            // Sentences end at a line that is exactly EOS.
            int nl = output.AsSpan(i).IndexOf((byte)'\n');
            int end = i + nl + 1;
            if (output.AsSpan(i, end - i).SequenceEqual(eos))
            {
                result.Add(output[start..end]);
                start = end;
            }
            i = end;
        }
        return result;
    }
}
