using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Taiyaku.Japanese;

namespace Taiyaku.Cli.Tests;

/// <summary>
/// Degenerate documents through the command line: each aligns (exit 0) or fails with a message naming the file and
/// exit code 1; nothing crashes or hangs.
/// </summary>
public class DegenerateInputTests
{
    private const string En = "Kyoto is an old capital of Japan.\nThere are many temples.\n";
    private const string Ja = "京都は日本の古い都である。\n多くの寺がある。\n";

    [Theory]
    [InlineData("", false)]
    [InlineData("", true)]
    [InlineData(" \n\t\r\n\u3000\n\n", false)]
    [InlineData(" \n\t\r\n\u3000\n\n", true)]
    public void Empty_or_whitespace_only_file_is_an_input_error(string content, bool segmented)
    {
        using var dir = new TempDir();
        string output = Path.Combine(dir.Path, "out.txt");
        string empty = dir.File("empty.ja", content);
        string[] args = ["align", "--src", empty, "--tgt", dir.File("a.en", En), "--out", output, .. segmented ? new[] { "--segmented" } : []];
        var r = InProcess.Run(args);
        Assert.Equal(1, r.Code);
        Assert.Contains(empty, r.Err);
        Assert.Matches(segmented ? "empty|blank lines" : "no sentence found", r.Err);
        Assert.False(File.Exists(output));
        // The other side empty.
        var other = InProcess.Run(["align", "--src", dir.File("a.ja", Ja), "--tgt", empty, .. segmented ? new[] { "--segmented" } : []]);
        Assert.Equal(1, other.Code);
        Assert.Contains(empty, other.Err);
    }

    [Theory]
    [InlineData("Only English here. No Japanese at all.\n", "no Japanese text found")]
    [InlineData("日本語だけである。英語はない。\n", "no English text found")]
    public void Bilingual_record_with_one_language_missing_is_an_input_error(string text, string message)
    {
        using var dir = new TempDir();
        string file = dir.File("record.txt", text);
        var r = InProcess.Run("align", "--bilingual", file);
        Assert.Equal(1, r.Code);
        Assert.Contains($"{file}: {message}", r.Err);
    }

    [Fact]
    public void One_sentence_against_100000_aligns()
    {
        using var dir = new TempDir();
        string ja = dir.File("one.ja", "一文だけである。\n");
        string en = dir.File("many.en", string.Concat(Enumerable.Range(0, 100_000).Select(i => $"This is English sentence number {i}.\n")));
        var r = InProcess.Run("align", "--src", ja, "--tgt", en, "--segmented");
        Assert.Equal(0, r.Code);
        var targets = r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(l => l[(l.IndexOf(":[", StringComparison.Ordinal) + 2)..^1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(int.Parse).ToList();
        Assert.Equal(Enumerable.Range(0, 100_000), targets);
        Assert.Contains("taiyaku: read 1 + 100000 sentences", r.Err);   // progress for large inputs
    }

    private static (int Code, string Out, string Err, string Output, int Length) TenMegabyteLine(params string[] extra)
    {
        using var dir = new TempDir();
        var line = new StringBuilder();
        while (line.Length < 3_400_000) line.Append("日本の減税であり、交渉担当者の場合");   // 3 bytes a character: over 10 MB
        string ja = dir.File("long.ja", line + "\n");
        Assert.True(new FileInfo(ja).Length > 10_000_000);
        string output = Path.Combine(dir.Path, "out.tsv");
        var r = InProcess.Run(["align", "--src", ja, "--tgt", dir.File("a.en", "One sentence.\n"), "--format", "tsv", "--out", output, .. extra]);
        return (r.Code, r.Out, r.Err, File.Exists(output) ? File.ReadAllText(output) : "", line.Length);
    }

    [Fact]
    public void A_single_ten_megabyte_line_aligns_on_lengths()
    {
        var r = TenMegabyteLine("--anchors", "none");
        Assert.Equal(0, r.Code);
        var rows = r.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(rows);
        Assert.Equal(r.Length, rows[0].Split('\t')[0].Length);
    }

    [Fact]
    public void A_single_ten_megabyte_line_aligns_with_default_options()
    {
        var r = TenMegabyteLine();
        Assert.Equal(0, r.Code);
        Assert.Single(r.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_single_ten_megabyte_english_line_aligns()
    {
        using var dir = new TempDir();
        var line = new StringBuilder();
        while (line.Length < 10_000_000) line.Append("the tax cut of the government and ");
        var r = InProcess.Run("align", "--src", dir.File("a.ja", "一文である。\n"), "--tgt", dir.File("long.en", line.ToString()), "--format", "links");
        Assert.Equal((0, "[0]:[0]\n"), (r.Code, r.Out));
    }

    [Fact]
    public void Tokenize_of_a_line_too_long_for_the_analyzer_is_an_input_error()
    {
        using var dir = new TempDir();
        var line = new StringBuilder();
        while (line.Length < 3_400_000) line.Append("日本の減税であり、交渉担当者の場合");
        string file = dir.File("long.ja", line + "\n");
        var r = InProcess.Run("tokenize", "--lang", "ja", "--format", "wakati", "--in", file);
        Assert.Equal(1, r.Code);
        Assert.Contains($"{file}: a line is too long to analyse", r.Err);
    }

    [Fact]
    public void Nul_and_control_characters_give_valid_tsv_json_and_tmx()
    {
        using var dir = new TempDir();
        string ja = dir.File("c.ja", "一行目\0です。\u0001二行目\u0007。\n\u001B[31m三行目\u007F。\f四。\n");
        string en = dir.File("c.en", "Line\0 one. \u0001Line two\u0007.\n\u001B[31mThree\u007F. \fFour.\n");
        foreach (string format in new[] { "links", "tsv", "json", "tmx" })
        {
            var r = InProcess.Run("align", "--src", ja, "--tgt", en, "--format", format);
            Assert.Equal((0, ""), (r.Code, r.Err));
            if (format == "json") Assert.Contains("\\u0000", JsonDocument.Parse(r.Out).RootElement.GetProperty("links").GetRawText());
            if (format == "tmx") Assert.Contains("\uFFFD", XDocument.Parse(r.Out).Root!.Value);   // XML cannot carry NUL
        }
    }

    [Fact]
    public void Lines_of_only_punctuation_align()
    {
        using var dir = new TempDir();
        var r = InProcess.Run("align", "--src", dir.File("p.ja", "。。。\n！！！\n？\n「」\n・・・\n"), "--tgt", dir.File("p.en", "...\n!!!\n?\n\"\"\n---\n"), "--format", "tsv");
        Assert.Equal(0, r.Code);
        Assert.NotEmpty(r.Out);
        var s = InProcess.Run("align", "--src", dir.File("q.ja", "。。。\n！！！\n"), "--tgt", dir.File("q.en", "...\n!!!\n"), "--segmented");
        Assert.Equal("[0]:[0]\n[1]:[1]\n", s.Out);
    }

    [Fact]
    public void Right_to_left_text_and_emoji_survive_the_round_trip()
    {
        using var dir = new TempDir();
        string[] ja = ["絵文字😀です。", "👨‍👩‍👧‍👦家族と🇯🇵。", "アラビア語である。"];
        string[] en = ["Emoji 😀 here.", "👨‍👩‍👧‍👦 family and 🇯🇵.", "\u0645\u0631\u062D\u0628\u0627 \u202Edesrever\u202C \u05E9\u05DC\u05D5\u05DD."];
        var r = InProcess.Run("align", "--src", dir.File("e.ja", string.Join("\n", ja)), "--tgt", dir.File("e.en", string.Join("\n", en)), "--segmented", "--format", "json");
        Assert.Equal(0, r.Code);
        var links = JsonDocument.Parse(r.Out).RootElement.GetProperty("links").EnumerateArray().ToList();
        Assert.Equal(string.Concat(ja), string.Concat(links.Select(l => l.GetProperty("sourceText").GetString())));
        Assert.Equal(string.Join(" ", en), string.Join(" ", links.Select(l => l.GetProperty("targetText").GetString()).Where(t => t!.Length > 0)));
        var raw = InProcess.Run("align", "--src", dir.File("e2.ja", string.Join("", ja)), "--tgt", dir.File("e2.en", string.Join(" ", en)), "--format", "tmx");
        Assert.Equal(0, raw.Code);
        Assert.Contains("👨‍👩‍👧‍👦", XDocument.Parse(raw.Out).Root!.Value);
    }

    [Fact]
    public void Random_binary_files_fail_cleanly_or_align()
    {
        using var dir = new TempDir();
        var rng = new Random(8);
        for (int k = 0; k < 20; k++)
        {
            byte[] junk = new byte[rng.Next(1, 5000)];
            rng.NextBytes(junk);
            string file = dir.File($"junk{k}.bin", junk);
            foreach (string[] extra in new[] { Array.Empty<string>(), ["--replace-invalid"], ["--encoding", "euc-jp"], ["--segmented", "--replace-invalid"] })
            {
                var r = InProcess.Run(["align", "--src", file, "--tgt", dir.File("a.en", En), .. extra]);
                Assert.True(r.Code is 0 or 1, $"exit {r.Code}: {r.Err}");
                if (r.Code == 1) Assert.StartsWith($"taiyaku align: {file}", r.Err);
            }
        }
    }

    [Fact]
    public void A_folder_or_a_missing_output_folder_is_an_input_error()
    {
        using var dir = new TempDir();
        var r = InProcess.Run("align", "--src", dir.Path, "--tgt", dir.File("a.en", En));
        Assert.Equal(1, r.Code);
        Assert.Contains("is a folder", r.Err);
        var o = InProcess.Run("align", "--src", dir.File("a.ja", Ja), "--tgt", dir.File("b.en", En), "--out", Path.Combine(dir.Path, "no", "such", "out.txt"));
        Assert.Equal(1, o.Code);
        Assert.Contains("the output folder does not exist", o.Err);
    }

    [Fact]
    public void A_dictionary_corrupted_where_analysis_reaches_it_is_an_input_error()
    {
        string source = DictionaryLocator.Locate();
        using var dir = new TempDir();
        foreach (string f in new[] { "matrix.bin", "char.bin", "unk.dic", "dicrc" })
            File.Copy(Path.Combine(source, f), Path.Combine(dir.Path, f));
        // Scribble over the double array of sys.dic, leaving the header intact: opening succeeds, some lookups fail.
        byte[] sys = File.ReadAllBytes(Path.Combine(source, "sys.dic"));
        uint dsize = BinaryPrimitives.ReadUInt32LittleEndian(sys.AsSpan(24));
        var rng = new Random(12345);
        for (int i = 0; i < 200_000; i++) sys[72 + rng.Next((int)dsize)] = (byte)rng.Next(256);
        File.WriteAllBytes(Path.Combine(dir.Path, "sys.dic"), sys);
        byte[] text = File.ReadAllBytes(InProcess.Samples("cable-1468.ja"));

        bool libraryRejects = false;
        using (var dic = MecabDictionary.Open(dir.Path))
        {
            var session = new AnalyzerSession(dic);
            foreach (string line in Encoding.UTF8.GetString(text).Split('\n'))
            {
                try { session.Analyze(line); }
                catch (DictionaryFormatException) { libraryRejects = true; }
            }
        }
        Assert.True(libraryRejects, "the scribbled dictionary should fail on some line of the sample");
        var r = InProcess.Run(text, CancellationToken.None, "tokenize", "--lang", "ja", "--dicdir", dir.Path);
        Assert.Equal(1, r.Code);
        Assert.Contains(Path.Combine(dir.Path, "sys.dic"), r.Err);
    }
}
