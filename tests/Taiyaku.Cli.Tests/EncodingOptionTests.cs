using System.Text;

namespace Taiyaku.Cli.Tests;

/// <summary><c>--encoding</c> and <c>--replace-invalid</c> on align, segment and tokenize.</summary>
public class EncodingOptionTests
{
    public static TheoryData<string, string> Fixtures => new()
    {
        { "cable-1468.utf8bom.txt", "utf-8" },
        { "cable-1468.utf16le.txt", "utf-16le" },
        { "cable-1468.utf16be.txt", "utf-16be" },
        { "cable-1468.sjis.txt", "shift_jis" },
        { "cable-1468.cp932.txt", "cp932" },
        { "cable-1468.eucjp.txt", "euc-jp" },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Align_gives_the_same_output_for_every_encoding_detected_or_named(string file, string name)
    {
        string en = InProcess.Samples("cable-1468.en");
        var expected = InProcess.Run("align", "--src", InProcess.Samples("cable-1468.ja"), "--tgt", en, "--format", "json");
        Assert.Equal(0, expected.Code);
        var detected = InProcess.Run("align", "--src", InProcess.Fixture(file), "--tgt", en, "--format", "json");
        Assert.Equal((0, ""), (detected.Code, detected.Err));
        Assert.Equal(expected.Out, detected.Out);
        // --encoding applies to every input file: the English file is ASCII, which CP932 and EUC-JP read as it is.
        if (!name.StartsWith("utf-16", StringComparison.Ordinal))
        {
            var named = InProcess.Run("align", "--src", InProcess.Fixture(file), "--tgt", en, "--format", "json", "--encoding", name);
            Assert.Equal(expected.Out, named.Out);
        }
        // Segmented input too: line i is sentence i in any encoding.
        var segmented = InProcess.Run("align", "--src", InProcess.Fixture(file), "--tgt", en, "--segmented");
        Assert.Equal(InProcess.Run("align", "--src", InProcess.Samples("cable-1468.ja"), "--tgt", en, "--segmented").Out, segmented.Out);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Segment_reads_stdin_and_files_in_every_encoding(string file, string name)
    {
        var expected = InProcess.Run("segment", "--lang", "ja", "--in", InProcess.Samples("cable-1468.ja"));
        var fromStdin = InProcess.Run(File.ReadAllBytes(InProcess.Fixture(file)), CancellationToken.None, "segment", "--lang", "ja");
        var named = InProcess.Run("segment", "--lang", "ja", "--in", InProcess.Fixture(file), "--encoding", name);
        Assert.Equal(0, fromStdin.Code);
        Assert.Equal(expected.Out, fromStdin.Out);
        Assert.Equal(expected.Out, named.Out);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Tokenize_transcodes_other_encodings_to_utf8(string file, string name)
    {
        var expected = InProcess.Run(File.ReadAllBytes(InProcess.Samples("cable-1468.ja")), CancellationToken.None, "tokenize", "--lang", "ja", "--format", "wakati");
        Assert.Equal(0, expected.Code);
        var detected = InProcess.Run(File.ReadAllBytes(InProcess.Fixture(file)), CancellationToken.None, "tokenize", "--lang", "ja", "--format", "wakati");
        var named = InProcess.Run("tokenize", "--lang", "ja", "--format", "wakati", "--in", InProcess.Fixture(file), "--encoding", name);
        if (file.Contains("utf8bom", StringComparison.Ordinal))
        {
            // UTF-8 passes through as mecab reads it, byte-order mark included (mecab analyses it as a symbol).
            Assert.StartsWith("\uFEFF", detected.Out);
            Assert.StartsWith("\uFEFF", named.Out);
            return;
        }
        Assert.Equal(expected.Out, detected.Out);
        Assert.Equal(expected.Out, named.Out);
    }

    [Fact]
    public void Undecodable_byte_is_an_input_error_naming_file_line_and_offset()
    {
        using var dir = new TempDir();
        string output = Path.Combine(dir.Path, "out.tsv");
        string damaged = dir.File("damaged.txt", File.ReadAllBytes(InProcess.Fixture("cable-1468.cp932-damaged.txt")));
        var r = InProcess.Run("align", "--src", damaged, "--tgt", InProcess.Samples("cable-1468.en"), "--format", "tsv", "--out", output);
        Assert.Equal(1, r.Code);
        Assert.Contains($"{damaged}:3: invalid Shift_JIS (CP932) at byte offset 58 of the file (bytes 8540)", r.Err);
        Assert.Contains("--replace-invalid", r.Err);
        Assert.False(File.Exists(output));
        Assert.Single(Directory.GetFiles(dir.Path));

        var seg = InProcess.Run("segment", "--lang", "ja", "--in", damaged, "--encoding", "cp932");
        Assert.Equal(1, seg.Code);
        Assert.Contains(":3: invalid Shift_JIS (CP932) at byte offset 58", seg.Err);
    }

    [Fact]
    public void Replace_invalid_warns_with_the_count_and_goes_on()
    {
        using var dir = new TempDir();
        string damaged = dir.File("damaged.txt", File.ReadAllBytes(InProcess.Fixture("cable-1468.cp932-damaged.txt")));
        var r = InProcess.Run("segment", "--lang", "ja", "--in", damaged, "--replace-invalid");
        Assert.Equal(0, r.Code);
        Assert.Contains($"taiyaku: warning: {damaged}: 1 undecodable byte sequence replaced with U+FFFD (read as Shift_JIS (CP932))", r.Err);
        Assert.Contains("\uFFFD限定配布", r.Out);

        byte[] bad = [.. "一行目。\n二行目"u8.ToArray(), 0xFF, 0xFE, .. "。\n三行目"u8.ToArray(), 0xC3, .. "。\n"u8.ToArray()];
        var a = InProcess.Run("align", "--src", dir.File("bad.ja", bad), "--tgt", dir.File("a.en", "One. Two. Three.\n"), "--replace-invalid", "--format", "tsv");
        Assert.Equal(0, a.Code);
        Assert.Contains("3 undecodable byte sequences replaced", a.Err);   // FF, FE, and C3 without its continuation
        Assert.Contains("二行目\uFFFD\uFFFD。", a.Out);
    }

    [Theory]
    [InlineData("align", "--src", "a", "--tgt", "b", "--encoding", "latin1")]
    [InlineData("segment", "--lang", "ja", "--encoding", "koi8-r")]
    [InlineData("tokenize", "--lang", "ja", "--encoding", "")]
    [InlineData("segment", "--lang", "ja", "--replace-invalid=yes")]
    public void Unknown_encoding_is_a_usage_error(params string[] args)
    {
        var r = InProcess.Run(args);
        Assert.Equal(2, r.Code);
        Assert.Contains("--", r.Err);
    }

    [Fact]
    public void Help_documents_the_encoding_options()
    {
        foreach (string command in new[] { "align", "segment", "tokenize" })
        {
            var r = InProcess.Run(command, "--help");
            Assert.Contains("--encoding NAME", r.Out);
            Assert.Contains("--replace-invalid", r.Out);
        }
    }
}
