using System.Diagnostics;
using System.Text;
using Taiyaku.Japanese;

namespace Taiyaku.Japanese.Tests;

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
