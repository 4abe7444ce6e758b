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
