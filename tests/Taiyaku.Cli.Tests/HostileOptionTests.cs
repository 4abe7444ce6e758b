using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Taiyaku.Japanese.Ipadic;

namespace Taiyaku.Cli.Tests;

/// <summary>Hostile parameters, options and inputs (issue 13, cases 6–10 and 12, and the smaller fixes).</summary>
public class HostileOptionTests
{
    private const string Ja = "京都は日本の古い都である。\n多くの寺がある。\n";
    private const string En = "Kyoto is an old capital of Japan.\nThere are many temples.\n";

    private static string Parameters(TempDir dir, Action<JsonObject> change)
    {
        var o = JsonNode.Parse(File.ReadAllText(Path.Combine(ToolProcess.RepoRoot(), "src", "Taiyaku.Pipeline", "DefaultParameters.json")))!.AsObject();
        change(o);
        return dir.File("params.json", o.ToJsonString());
    }

    // Case 6 ---------------------------------------------------------------------------------------------------------

    [Fact]
    public void A_pair_of_million_word_sentences_aligns_alone_and_in_a_batch()
    {
        using var dir = new TempDir();
        string ja = dir.File("long.ja", new string('あ', 1_000_000) + "\n");
        string en = dir.File("long.en", string.Concat(Enumerable.Repeat("word ", 1_000_000)) + "\n");
        var r = InProcess.Run("align", "--src", ja, "--tgt", en, "--segmented", "--quiet");
        Assert.Equal((0, "[0]:[0]\n", ""), (r.Code, r.Out, r.Err));
        var b = InProcess.Run(Encoding.UTF8.GetBytes($"{{\"id\":\"long\",\"src\":{JsonSerializer.Serialize(ja)},\"tgt\":{JsonSerializer.Serialize(en)},\"segmented\":true}}\n"),
            CancellationToken.None, "align-batch", "--quiet");
        Assert.Equal(0, b.Code);
        using var record = JsonDocument.Parse(b.Out);
        Assert.False(record.RootElement.TryGetProperty("error", out _));
        Assert.Equal(1, record.RootElement.GetProperty("links").GetArrayLength());
    }

    // Cases 7 and 8 --------------------------------------------------------------------------------------------------

    [Fact]
    public void A_parameter_file_whose_beads_cannot_align_every_pair_is_an_input_error()
    {
        using var dir = new TempDir();
        string p = Parameters(dir, o => o["beads"] = new JsonArray(new JsonObject { ["source"] = 1, ["target"] = 1, ["probability"] = 1 }));
        var r = InProcess.Run("align", "--src", dir.File("a.ja", Ja + "三つ目。\n"), "--tgt", dir.File("a.en", En), "--segmented", "--params", p);
        Assert.Equal((1, ""), (r.Code, r.Out));
        Assert.StartsWith($"taiyaku align: {p}: \"beads\": a 1-0 and a 0-1 bead are needed", r.Err);
        var b = InProcess.Run(Encoding.UTF8.GetBytes("{\"ja\":\"一。\\n二。\",\"en\":\"One.\"}\n"), CancellationToken.None, "align-batch", "--params", p);
        Assert.Equal((1, ""), (b.Code, b.Out));
        Assert.Contains("1-0 and a 0-1 bead", b.Err);
    }

    [Theory]
    [InlineData("anchorWeight", 1e308)]
    [InlineData("anchorWeight", 101)]
    [InlineData("variance", 1e300)]
    public void Out_of_bounds_weights_are_an_input_error_naming_the_field(string field, double value)
    {
        using var dir = new TempDir();
        string p = Parameters(dir, o => o[field] = value);
        foreach (var format in new[] { "json", "tsv", "tmx" })
        {
            var r = InProcess.Run("align", "--src", dir.File("a.ja", Ja), "--tgt", dir.File("a.en", En), "--segmented", "--params", p, "--format", format);
            Assert.Equal((1, ""), (r.Code, r.Out));
            Assert.StartsWith($"taiyaku align: {p}: \"{field}\" must be between", r.Err);
        }
    }

    // Case 9 ---------------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("1.5")]
    public void Min_score_outside_0_to_1_or_not_a_number_is_a_usage_error(string value)
    {
        using var dir = new TempDir();
        var r = InProcess.Run("align", "--src", dir.File("a.ja", Ja), "--tgt", dir.File("a.en", En), "--segmented", "--format", "tsv", "--min-score", value);
        Assert.Equal((2, ""), (r.Code, r.Out));
        Assert.StartsWith($"taiyaku align: --min-score must be a number between 0 and 1 (got '{value}')", r.Err);
    }

    [Fact]
    public void A_link_written_with_the_min_score_as_printed_is_kept()
    {
        // The threshold compares the score as printed (4 decimals): the cable's best-scored links, written with the
        // highest score, stay paired at --min-score of exactly that text, beside lower ones that do not.
        string ja = Path.Combine(Taiyaku.Testing.RepositoryPaths.Root, "samples", "cable-1468.ja"), en = Path.ChangeExtension(ja, ".en");
        var all = InProcess.Run("align", "--src", ja, "--tgt", en, "--segmented", "--format", "tsv");
        var rows = all.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Split('\t')[2].Length > 0).ToList();
        string top = rows.Select(l => l.Split('\t')[3]).MaxBy(x => double.Parse(x, System.Globalization.CultureInfo.InvariantCulture))!;
        var kept = rows.Where(l => l.Split('\t')[3] == top).ToList();
        Assert.True(kept.Count < rows.Count, "every link has the top score");
        var filtered = InProcess.Run("align", "--src", ja, "--tgt", en, "--segmented", "--format", "tsv", "--min-score", top);
        foreach (var row in kept) Assert.Contains(row + "\n", filtered.Out);
        Assert.DoesNotContain("low-score", string.Concat(filtered.Out.Split('\n').Where(l => l.Split('\t') is [_, _, _, var score, ..] && score == top)));
        Assert.Contains("low-score", filtered.Out);
    }

    // Case 10 --------------------------------------------------------------------------------------------------------

    [Fact]
    public void Dict_accepts_empty_ids_as_its_help_says_and_as_mecab_dict_index_does()
    {
        using var dir = new TempDir();
        const string feature = "名詞,固有名詞,人名,一般,*,*,多々良木蓮太郎,タタラギレンタロウ,タタラギレンタロウ";
        string empty = dir.File("empty.csv", $"多々良木蓮太郎,,,3000,{feature}\n");
        string ids = dir.File("ids.csv", $"多々良木蓮太郎,1289,1289,3000,{feature}\n");
        var r = ToolProcess.Run("dict", "--user", empty, "--out", Path.Combine(dir.Path, "empty.dic"));
        Assert.Equal((0, "taiyaku dict: read empty.csv: 1 entries in 1 lines (1/1 files)\ntaiyaku: 1 entries written to " + Path.Combine(dir.Path, "empty.dic") + "\n"), (r.ExitCode, r.StdErr));
        Assert.Equal(0, ToolProcess.Run("dict", "--user", ids, "--out", Path.Combine(dir.Path, "ids.dic")).ExitCode);
        // IPADIC's rewrite.def gives 名詞,固有名詞,人名 the ids 1289: the same dictionary as with the ids written out.
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir.Path, "ids.dic")), File.ReadAllBytes(Path.Combine(dir.Path, "empty.dic")));

        string? dictIndex = new[] { "/usr/lib/mecab/mecab-dict-index", "/usr/libexec/mecab/mecab-dict-index", "/usr/lib/x86_64-linux-gnu/mecab/mecab-dict-index" }.FirstOrDefault(File.Exists);
        if (dictIndex == null)
        {
            Console.Error.WriteLine("Dict_accepts_empty_ids: mecab-dict-index is not installed; compared with our own -1 ids only");
            return;
        }
        var real = ToolProcess.RunSystem(dictIndex, "-d", IpadicDictionary.DirectoryPath, "-u", Path.Combine(dir.Path, "real.dic"), "-f", "UTF-8", "-t", "UTF-8", empty);
        Assert.True(real.Code == 0, real.Err);
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir.Path, "real.dic")), File.ReadAllBytes(Path.Combine(dir.Path, "empty.dic")));
    }

    // Case 12 --------------------------------------------------------------------------------------------------------

    [SkippableTheory]
    [InlineData("align --src /dev/zero --tgt EN", "/dev/zero:1: a line longer than 16 MiB (--max-line-length)")]
    [InlineData("align --src EN --tgt EN --segmented --params /dev/zero", "/dev/zero:1: a line longer than 16 MiB")]
    [InlineData("segment --lang ja < /dev/zero", "<stdin>:1: a line longer than 16 MiB")]
    [InlineData("tokenize --lang ja < /dev/zero", "<stdin>:1: a line longer than 16 MiB")]
    [InlineData("align-batch --manifest /dev/zero", "/dev/zero:1: a line longer than 16 MiB")]
    [InlineData("align-batch < /dev/zero", "<stdin>:1: a line longer than 16 MiB")]
    [InlineData("eval --gold /dev/zero --test /dev/zero", "/dev/zero:1: a line longer than 16 MiB")]
    [InlineData("align --src /dev/zero --tgt EN --max-line-length 1K", "/dev/zero:1: a line longer than 1 KiB")]
    [InlineData("dict --user /dev/zero --out OUT", "/dev/zero: not a regular file")]
    public void Endless_input_is_an_input_error_not_an_out_of_memory_crash(string command, string message)
    {
        Skip.IfNot(File.Exists("/dev/zero"), "no /dev/zero");
        using var dir = new TempDir();
        string en = dir.File("a.en", En);
        var clock = Stopwatch.StartNew();
        // No periodic progress line (every 15 s by default): on a loaded machine one would join the single error line.
        var r = ToolProcess.RunSystem("sh", "-c", $"{ProgressReporter.IntervalVariable}=3600 {ToolProcess.ShellCommand} {command.Replace("EN", $"'{en}'").Replace("OUT", $"'{dir.Path}/out.dic'")} > /dev/null");
        Assert.Equal(1, r.Code);
        Assert.Contains(message, r.Err);
        Assert.Single(r.Err.Split('\n'));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Input_size_limits_are_configurable()
    {
        using var dir = new TempDir();
        string ja = dir.File("a.ja", Ja), en = dir.File("a.en", En);
        var small = InProcess.Run("align", "--src", ja, "--tgt", en, "--segmented", "--max-input-size", "40");
        Assert.Equal(1, small.Code);
        Assert.Equal($"taiyaku align: {ja}: larger than 40 bytes (--max-input-size): not read\n", small.Err);
        var line = InProcess.Run("align", "--src", ja, "--tgt", en, "--segmented", "--max-line-length", "30");
        Assert.Equal(1, line.Code);
        Assert.StartsWith($"taiyaku align: {ja}:1: a line longer than 30 bytes (--max-line-length)", line.Err);
        Assert.Equal(0, InProcess.Run("align", "--src", ja, "--tgt", en, "--segmented", "--max-input-size", "1K", "--max-line-length", "64").Code);
        var bad = InProcess.Run("align", "--src", ja, "--tgt", en, "--segmented", "--max-input-size", "0");
        Assert.Equal(2, bad.Code);
        Assert.Contains("--max-input-size must be a positive number of bytes", bad.Err);
        var batch = InProcess.Run(Encoding.UTF8.GetBytes($"{{\"src\":{JsonSerializer.Serialize(ja)},\"tgt\":{JsonSerializer.Serialize(en)},\"segmented\":true}}\n"),
            CancellationToken.None, "align-batch", "--max-input-size", "40", "--quiet");
        Assert.Equal(1, batch.Code);
        Assert.Contains("larger than 40 bytes (--max-input-size)", batch.Out);
    }

    // Also worth fixing -----------------------------------------------------------------------------------------------

    [Fact]
    public void Src_and_tgt_encoding_apply_to_one_input_each()
    {
        using var dir = new TempDir();
        string ja = dir.File("a.ja", Encoding.Unicode.GetBytes(Ja));   // UTF-16LE without a byte-order mark
        string en = dir.File("a.en", En);                              // UTF-8
        var both = InProcess.Run("align", "--src", ja, "--tgt", en, "--segmented", "--format", "tsv", "--encoding", "utf-16le");
        Assert.DoesNotContain("Kyoto is an old capital", both.Out);   // --encoding forces both: the English is nonsense
        var one = InProcess.Run("align", "--src", ja, "--tgt", en, "--segmented", "--format", "tsv", "--src-encoding", "utf-16le");
        Assert.Equal(0, one.Code);
        Assert.StartsWith("京都は日本の古い都である。\tKyoto is an old capital of Japan.\t", one.Out);
        var swapped = InProcess.Run("align", "--src", en, "--tgt", ja, "--segmented", "--format", "tsv", "--encoding", "utf-8", "--tgt-encoding", "utf-16le");
        Assert.Contains("\t京都は日本の古い都である。\t", swapped.Out);
        var bad = InProcess.Run("align", "--src", ja, "--tgt", en, "--segmented", "--src-encoding", "klingon");
        Assert.Equal(2, bad.Code);
        Assert.Contains("--src-encoding must be one of", bad.Err);
        var bilingual = InProcess.Run("align", "--bilingual", ja, "--src-encoding", "utf-16le");
        Assert.Equal(2, bilingual.Code);
    }

    private static string GoldFolder(TempDir dir, string gold)
    {
        string folder = Path.Combine(dir.Path, "corpus");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "a.ja"), Ja + "三つ目の文。\n");
        File.WriteAllText(Path.Combine(folder, "a.en"), En + "A third one.\n");
        File.WriteAllText(Path.Combine(folder, "a.gold"), gold);
        return folder;
    }

    [Theory]
    [InlineData("[0]:[0]\n[0, 1]:[1]\n[2]:[2]\n", "a.gold:2: Japanese sentence 0 is already in the link on line 1: every sentence must be in exactly one link")]
    [InlineData("[0]:[0]\n\n[1]:[1, 0]\n[2]:[2]\n", "a.gold:3: English sentence 0 is already in the link on line 1")]
    [InlineData("[0]:[0]\n[1]:[1]\n", "a.gold: Japanese sentence 2 (line 3 of a.ja) is in no link")]
    [InlineData("[0]:[0]\n[1, 2]:[1]\n", "a.gold: English sentence 2 (line 3 of a.en) is in no link")]
    [InlineData("[0]:[0]\n[1]:[1]\n[2]:[2]\n[3]:[]\n", "a.gold:4: link [3]:[] points past the end of a.ja (3 lines)")]
    [InlineData("[0]:[0]\n[1]:[1]\n[2]:[2, 7]\n", "a.gold:3: link [2]:[2, 7] points past the end of a.en (3 lines)")]
    [InlineData("[0]:[0]\nnonsense\n", "a.gold:2: ")]
    public void Fit_rejects_gold_where_a_sentence_is_in_two_links_or_none_naming_file_and_line(string gold, string message)
    {
        using var dir = new TempDir();
        string folder = GoldFolder(dir, gold);
        var r = InProcess.Run("fit", "--corpus", folder, "--out", Path.Combine(dir.Path, "p.json"), "--quiet");
        Assert.Equal(1, r.Code);
        Assert.StartsWith($"taiyaku fit: {Path.Combine(folder, message)}", r.Err);
        Assert.False(File.Exists(Path.Combine(dir.Path, "p.json")));
        var e = InProcess.Run("eval", "--corpus", folder);
        Assert.Equal(1, e.Code);
        Assert.StartsWith($"taiyaku eval: {Path.Combine(folder, message)}", e.Err);
    }

    [Fact]
    public void A_duplicate_key_in_a_manifest_line_is_an_error_record_naming_the_line()
    {
        var r = InProcess.Run(Encoding.UTF8.GetBytes("{\"id\":\"ok\",\"ja\":\"一。\",\"en\":\"One.\"}\n{\"id\":\"dup\",\"ja\":\"一。\",\"en\":\"One.\",\"en\":\"Two.\"}\n"),
            CancellationToken.None, "align-batch", "--anchors", "none", "--quiet");
        Assert.Equal(1, r.Code);
        var lines = r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal("{\"schema\":\"taiyaku-alignment/2\",\"id\":\"dup\",\"line\":2,\"error\":\"<stdin>:2: key \\\"en\\\" given twice (which one was meant?)\"}", lines[1]);
    }

    [Fact]
    public void Long_work_prints_periodic_progress_lines_on_stderr()
    {
        var err = new StringWriter();
        // The synchronised writer locks itself while the timer writes: read the text under the same lock.
        var sync = TextWriter.Synchronized(err);
        string Text() { lock (sync) return err.ToString(); }
        var clock = Stopwatch.StartNew();
        using (var progress = ProgressReporter.ForWriter(sync, "taiyaku align", live: false, TimeSpan.FromMilliseconds(50)))
        {
            progress.Stage("aligning 100000 + 100000 sentences");
            // Up to 20 s: the timer runs on the thread pool, which a busy test host may be slow to give it.
            while (Text().Count(c => c == '\n') < 3 && clock.Elapsed < TimeSpan.FromSeconds(20)) Thread.Sleep(20);
        }
        var lines = Text().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length >= 3, $"{lines.Length} lines");
        Assert.All(lines, l => Assert.Matches(@"^taiyaku align: aligning 100000 \+ 100000 sentences, \d+ s$", l));
        // Short runs print nothing, and the help says what to expect.
        using var dir = new TempDir();
        var r = InProcess.Run("align", "--src", dir.File("a.ja", Ja), "--tgt", dir.File("a.en", En), "--segmented");
        Assert.Equal("", r.Err);
        var help = InProcess.Run("align", "--help");
        Assert.Contains("a plain line every 15 s after the first 15 s", help.Out);
        Assert.Contains("--quiet", help.Out);
    }
}
