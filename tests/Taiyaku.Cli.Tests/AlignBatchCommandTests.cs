using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Taiyaku.Cli.Tests;

/// <summary><c>align-batch</c>: order, error records, determinism across thread counts, stdin streaming, inline texts.</summary>
public class AlignBatchCommandTests
{
    private static readonly string Samples = Path.Combine(ToolProcess.RepoRoot(), "samples");

    /// <summary>Runs the tool in-process (exit codes as the real tool gives them).</summary>
    private static (int Code, string Out, string Err) Run(string stdin, CancellationToken ct, params string[] args)
    {
        var output = new MemoryStream();
        var err = new StringWriter();
        int code = Tool.Run(["align-batch", .. args], new CliContext(new MemoryStream(Encoding.UTF8.GetBytes(stdin)), output, err, ct));
        return (code, Encoding.UTF8.GetString(output.ToArray()), err.ToString());
    }

    private static (int Code, string Out, string Err) Run(params string[] args) => Run("", CancellationToken.None, args);

    private static List<JsonElement> Records(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    /// <summary>Runs the built tool as a process in <paramref name="folder"/> with <paramref name="stdin"/>.</summary>
    private static ToolProcess.Outcome RunProcessIn(string folder, byte[] stdin, params string[] args) => ToolProcess.RunIn(folder, stdin, args);

    private static string Line(object record) => JsonSerializer.Serialize(record);

    /// <summary>A segmented inline pair whose sentences carry <paramref name="k"/>, with k-dependent size.</summary>
    private static string InlinePair(int k, int sentences)
    {
        var ja = string.Concat(Enumerable.Range(0, sentences).Select(i => $"文書{k}の{i}番目の文である。\n"));
        var en = string.Concat(Enumerable.Range(0, sentences).Select(i => $"This is sentence {i} of document {k}.\n"));
        return Line(new Dictionary<string, object> { ["id"] = $"d{k}", ["ja"] = ja, ["en"] = en, ["segmented"] = true });
    }

    [Fact]
    public void Order_is_preserved_with_many_small_documents_on_several_threads()
    {
        // Sizes vary a lot so that documents finish out of order.
        var manifest = string.Join("\n", Enumerable.Range(0, 300).Select(k => InlinePair(k, k % 7 == 0 ? 400 : 1 + k % 5)));
        var (code, output, _) = Run(manifest, CancellationToken.None, "--threads", "4");
        Assert.Equal(0, code);
        var records = Records(output);
        Assert.Equal(Enumerable.Range(0, 300).Select(k => $"d{k}"), records.Select(r => r.GetProperty("id").GetString()));
        for (int k = 0; k < 300; k++)
        {
            var links = records[k].GetProperty("links");
            Assert.Equal(k % 7 == 0 ? 400 : 1 + k % 5, links.GetArrayLength());
            Assert.Equal($"文書{k}の0番目の文である。", links[0].GetProperty("sourceText").GetString());
            Assert.Equal($"This is sentence 0 of document {k}.", links[0].GetProperty("targetText").GetString());
            Assert.Equal(0, links[0].GetProperty("source")[0].GetInt32());
            Assert.True(double.IsFinite(links[0].GetProperty("cost").GetDouble()));
        }
    }

    [Fact]
    public void A_pair_whose_anchors_would_need_more_than_the_limit_is_aligned_by_lengths_alone_with_a_warning()
    {
        // The anchors of 40 sentences with numbers need more than 8 KiB; those of one sentence do not.
        var big = InlinePair(1, 40);
        var small = InlinePair(2, 1);
        var limited = Run(big + "\n" + small, CancellationToken.None, "--anchor-memory", "8K", "--threads", "2");
        var none = Run(big + "\n" + small, CancellationToken.None, "--anchors", "none");
        var byDefault = Run(big + "\n" + small, CancellationToken.None);
        Assert.Equal(0, limited.Code);
        var warnings = limited.Err.Split('\n').Where(l => l.Contains("warning")).ToList();
        Assert.Single(warnings);
        Assert.Matches(@"^taiyaku align-batch: warning: <stdin>:1: the anchors of 40 \+ 40 sentences would need about [0-9.]+ [KMG]iB, more than 8 KiB: aligned by length alone", warnings[0]);
        var l = Records(limited.Out);
        Assert.Equal(Records(none.Out)[0].GetProperty("links").ToString(), l[0].GetProperty("links").ToString());
        Assert.Equal(Records(byDefault.Out)[1].GetProperty("links").ToString(), l[1].GetProperty("links").ToString());
        Assert.DoesNotContain("warning", byDefault.Err);
    }

    [Fact]
    public void Failing_pairs_give_error_records_and_the_batch_goes_on()
    {
        using var dir = new TempDir();
        dir.File("a.ja", "一つ目の文。\n二つ目の文。\n");
        dir.File("a.en", "The first sentence.\nThe second sentence.\n");
        string manifest = dir.File("batch.jsonl", string.Join("\n",
            """{"id": "good", "src": "a.ja", "tgt": "a.en", "segmented": true}""",
            """{"id": "missing", "src": "nope.ja", "tgt": "a.en", "segmented": true}""",
            """{"id": "broken", "src": "a.ja", """,
            """{"id": "typo", "src": "a.ja", "trg": "a.en"}""",
            "",
            """{"id": 7, "ja": "日本語の文。", "en": "A sentence."}""") + "\n");
        var (code, output, err) = Run("--manifest", manifest);
        Assert.Equal(1, code);
        var records = Records(output);
        Assert.Equal(5, records.Count);   // the blank line gives no record

        Assert.Equal("good", records[0].GetProperty("id").GetString());
        Assert.Equal(2, records[0].GetProperty("links").GetArrayLength());

        Assert.Equal("missing", records[1].GetProperty("id").GetString());
        Assert.Equal(2, records[1].GetProperty("line").GetInt32());
        Assert.Contains("nope.ja", records[1].GetProperty("error").GetString());
        Assert.Contains("no such file", records[1].GetProperty("error").GetString());
        Assert.False(records[1].TryGetProperty("links", out _));

        Assert.Equal(3, records[2].GetProperty("id").GetInt32());   // no id could be read: the line number
        Assert.StartsWith($"{manifest}:3: not a JSON object", records[2].GetProperty("error").GetString());

        Assert.Equal("typo", records[3].GetProperty("id").GetString());
        Assert.Contains(":4: unknown key \"trg\"", records[3].GetProperty("error").GetString());

        Assert.Equal(7, records[4].GetProperty("id").GetInt32());
        Assert.Equal("日本語の文。", records[4].GetProperty("links")[0].GetProperty("sourceText").GetString());
        Assert.Contains("3 failed", err);
    }

    [Fact]
    public void Output_is_identical_with_one_and_eight_threads()
    {
        using var dir = new TempDir();
        var lines = new List<string>();
        for (int k = 0; k < 12; k++)
        {
            lines.Add(Line(new { id = $"seg{k}", src = Path.Combine(Samples, "cable-1468.ja"), tgt = Path.Combine(Samples, "cable-1468.en"), segmented = true }));
            lines.Add(Line(new { id = $"raw{k}", src = Path.Combine(Samples, "cable-1468.ja"), tgt = Path.Combine(Samples, "cable-1468.en") }));
            lines.Add(Line(new { id = $"bi{k}", bilingual = Path.Combine(Samples, "cable-1468.txt") }));
            lines.Add(InlinePair(k, 3 + k));
        }
        string manifest = dir.File("m.jsonl", string.Join("\n", lines));
        var one = Run("--manifest", manifest, "--threads", "1");
        var eight = Run("--manifest", manifest, "--threads", "8");
        Assert.Equal(0, one.Code);
        Assert.Equal(0, eight.Code);
        Assert.Equal(48, Records(one.Out).Count);
        Assert.Equal(one.Out, eight.Out);

        // Raw input carries offsets into the original, and the bilingual record's metadata is set apart.
        var records = Records(one.Out);
        Assert.True(records[1].GetProperty("links")[0].TryGetProperty("sourceOffsets", out _));
        Assert.Contains(records[2].GetProperty("unaligned").EnumerateArray(), u => u.GetProperty("kind").GetString() == "metadata");
    }

    [Fact]
    public void Segmented_pair_gives_the_same_links_as_align()
    {
        string ja = Path.Combine(Samples, "cable-1468.ja"), en = Path.Combine(Samples, "cable-1468.en");
        var batch = Run(Line(new { id = "c", src = ja, tgt = en }), CancellationToken.None, "--segmented");
        var align = ToolProcess.Run("align", "--src", ja, "--tgt", en, "--segmented");
        Assert.Equal(0, batch.Code);
        Assert.Equal(0, align.ExitCode);
        var links = Records(batch.Out)[0].GetProperty("links").EnumerateArray()
            .Select(l => $"[{string.Join(", ", l.GetProperty("source").EnumerateArray().Select(i => i.GetInt32()))}]:[{string.Join(", ", l.GetProperty("target").EnumerateArray().Select(i => i.GetInt32()))}]");
        Assert.Equal(align.StdOut, string.Concat(links.Select(l => l + "\n")));
    }

    [Fact]
    public void Reads_the_manifest_from_stdin_with_paths_relative_to_the_current_folder()
    {
        string manifest = Line(new { id = "x", src = "samples/cable-1468.ja", tgt = "samples/cable-1468.en", segmented = true }) + "\n"
            + Line(new { id = "y", ja = "京都は古い都である。\n寺が多い。", en = "Kyoto is an old capital.\nThere are many temples.", segmented = true }) + "\n";
        var r = RunProcessIn(ToolProcess.RepoRoot(), Encoding.UTF8.GetBytes(manifest), "align-batch", "--manifest", "-");
        Assert.Equal(0, r.ExitCode);
        var records = Records(r.StdOut);
        Assert.Equal(["x", "y"], records.Select(x => x.GetProperty("id").GetString()));
        Assert.True(records[0].GetProperty("links").GetArrayLength() > 50);
        Assert.Equal(2, records[1].GetProperty("links").GetArrayLength());
    }

    [Fact]
    public async Task Streams_records_before_stdin_is_closed()
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "taiyaku.dll"));
        psi.ArgumentList.Add("align-batch");
        psi.ArgumentList.Add("--threads");
        psi.ArgumentList.Add("2");
        using var p = Process.Start(psi)!;
        _ = p.StandardError.ReadToEndAsync();
        try
        {
            var input = new StreamWriter(p.StandardInput.BaseStream, new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
            input.WriteLine(InlinePair(1, 2));
            var first = p.StandardOutput.ReadLineAsync();
            string? line = await first.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal("d1", JsonDocument.Parse(line!).RootElement.GetProperty("id").GetString());
            input.WriteLine(InlinePair(2, 3));
            input.Close();
            string rest = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            Assert.Equal(0, p.ExitCode);
            Assert.Equal(["d2"], Records(rest).Select(r => r.GetProperty("id").GetString()));
        }
        finally
        {
            if (!p.HasExited) p.Kill();
        }
    }

    [Fact]
    public void Aligns_inline_raw_texts()
    {
        string manifest = Line(new { id = "raw", ja = "京都は日本の古い都である。多くの寺がある。", en = "Kyoto is an old capital of Japan. There are many temples." });
        var (code, output, _) = Run(manifest, CancellationToken.None);
        Assert.Equal(0, code);
        var links = Records(output)[0].GetProperty("links");
        Assert.Equal(2, links.GetArrayLength());
        Assert.Equal("多くの寺がある。", links[1].GetProperty("sourceText").GetString());
        Assert.Equal("There are many temples.", links[1].GetProperty("targetText").GetString());
        Assert.Equal(13, links[1].GetProperty("sourceOffsets")[0][0].GetInt32());
    }

    [Fact]
    public void Cancellation_leaves_no_output_file()
    {
        using var dir = new TempDir();
        string output = Path.Combine(dir.Path, "out.jsonl");
        var manifest = string.Join("\n", Enumerable.Range(0, 50).Select(k => InlinePair(k, 200)));
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var (code, _, err) = Run(manifest, cts.Token, "--out", output, "--threads", "2");
        Assert.Equal(130, code);
        Assert.Contains("cancelled", err);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Writes_the_output_file_whole_when_done()
    {
        using var dir = new TempDir();
        string output = Path.Combine(dir.Path, "out.jsonl");
        var (code, stdout, _) = Run(InlinePair(1, 2) + "\n" + InlinePair(2, 2), CancellationToken.None, "--out", output);
        Assert.Equal(0, code);
        Assert.Equal("", stdout);
        Assert.Equal(["d1", "d2"], Records(File.ReadAllText(output)).Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(["out.jsonl"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("--threads", "0")]
    [InlineData("--threads", "two")]
    [InlineData("--bogus")]
    [InlineData("--length", "words")]
    public void Usage_errors_exit_with2(params string[] args) => Assert.Equal(2, Run(args).Code);

    [Fact]
    public void Missing_manifest_is_an_input_error()
    {
        var (code, _, err) = Run("--manifest", "/nonexistent/batch.jsonl");
        Assert.Equal(1, code);
        Assert.Contains("/nonexistent/batch.jsonl: no such file", err);
    }

    [Fact]
    public void Help_describes_the_manifest()
    {
        var (code, output, _) = Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("Usage: taiyaku align-batch", output);
        Assert.Contains("\"segmented\": true", output);
    }
}
