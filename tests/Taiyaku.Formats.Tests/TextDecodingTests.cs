using System.Text;
using CsCheck;
using Taiyaku.Formats;

namespace Taiyaku.Formats.Tests;

/// <summary>Encodings: fixtures written by iconv (Fixtures/Encodings/regenerate.sh), detection, errors and replacement.</summary>
public class TextDecodingTests
{
    private static readonly string Fixtures = Path.Combine(Taiyaku.Testing.RepositoryPaths.Root, "tests", "Taiyaku.Formats.Tests", "Fixtures", "Encodings");

    private static readonly string Original = File.ReadAllText(Path.Combine(Taiyaku.Testing.RepositoryPaths.Root, "samples", "cable-1468.ja"), new UTF8Encoding(false, true));

    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(Fixtures, name));

    [Theory]
    [InlineData("cable-1468.utf8bom.txt", TextEncoding.Utf8)]
    [InlineData("cable-1468.utf16le.txt", TextEncoding.Utf16LE)]
    [InlineData("cable-1468.utf16be.txt", TextEncoding.Utf16BE)]
    [InlineData("cable-1468.sjis.txt", TextEncoding.ShiftJis)]
    [InlineData("cable-1468.cp932.txt", TextEncoding.ShiftJis)]
    [InlineData("cable-1468.eucjp.txt", TextEncoding.EucJp)]
    public void Iconv_fixtures_are_detected_and_decode_to_the_original(string file, TextEncoding expected)
    {
        byte[] bytes = Fixture(file);
        Assert.Equal(expected, TextDecoding.Detect(bytes));
        var auto = TextDecoding.Decode(bytes, file);
        Assert.Equal(expected, auto.Encoding);
        Assert.True(auto.Detected);
        Assert.Equal(0, auto.ReplacedSequences);
        Assert.Equal(Original, auto.Text);
        var given = TextDecoding.Decode(bytes, file, new TextDecodingOptions { Encoding = expected });
        Assert.False(given.Detected);
        Assert.Equal(Original, given.Text);
    }

    [Fact]
    public void Plain_utf8_is_detected_and_kept_as_it_is()
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(Taiyaku.Testing.RepositoryPaths.Root, "samples", "cable-1468.ja"));
        var d = TextDecoding.Decode(bytes, "cable-1468.ja");
        Assert.Equal(TextEncoding.Utf8, d.Encoding);
        Assert.Equal(Original, d.Text);
    }

    [Fact]
    public void Empty_input_is_empty_utf8_text()
    {
        var d = TextDecoding.Decode([], "empty.txt");
        Assert.Equal("", d.Text);
        Assert.Equal(TextEncoding.Utf8, d.Encoding);
        Assert.Empty(TextFiles.SplitLines(d.Text));
    }

    [Fact]
    public void Damaged_shift_jis_names_file_line_and_byte_offset()
    {
        byte[] bytes = Fixture("cable-1468.cp932-damaged.txt");
        // Line 3 starts at byte 58; its first character was replaced by 85 40, which CP932 leaves unassigned.
        Assert.Equal(0x85, bytes[58]);
        Assert.Equal(TextEncoding.ShiftJis, TextDecoding.Detect(bytes));
        foreach (var encoding in new[] { TextEncoding.Auto, TextEncoding.ShiftJis })
        {
            var e = Assert.Throws<TextDataException>(() => TextDecoding.Decode(bytes, "damaged.txt", new TextDecodingOptions { Encoding = encoding }));
            Assert.StartsWith("damaged.txt:3: invalid Shift_JIS (CP932) at byte offset 58 ", e.Message);
        }
    }

    [Fact]
    public void Damaged_shift_jis_is_replaced_on_request_and_counted()
    {
        var d = TextDecoding.Decode(Fixture("cable-1468.cp932-damaged.txt"), "damaged.txt", new TextDecodingOptions { ReplaceInvalid = true });
        Assert.Equal(TextEncoding.ShiftJis, d.Encoding);
        Assert.Equal(1, d.ReplacedSequences);
        var lines = TextFiles.SplitLines(d.Text);
        var expected = TextFiles.SplitLines(Original);
        Assert.Equal(expected.Count, lines.Count);
        Assert.Equal("\uFFFD" + expected[2][1..], lines[2]);
        Assert.Equal(expected.Where((_, i) => i != 2), lines.Where((_, i) => i != 2));
    }

    [Fact]
    public void Invalid_utf8_in_mostly_utf8_text_is_reported_as_utf8()
    {
        byte[] bytes = [.. "一行目。\n二行目"u8.ToArray(), 0xFF, .. "。\n三行目。\n"u8.ToArray()];
        var e = Assert.Throws<TextDataException>(() => TextDecoding.Decode(bytes, "bad.ja"));
        int offset = "一行目。\n二行目"u8.Length;
        Assert.StartsWith($"bad.ja:2: invalid UTF-8 at byte offset {offset} of the file (bytes FF)", e.Message);
        var replaced = TextDecoding.Decode(bytes, "bad.ja", new TextDecodingOptions { ReplaceInvalid = true });
        Assert.Equal("一行目。\n二行目\uFFFD。\n三行目。\n", replaced.Text);
        Assert.Equal(1, replaced.ReplacedSequences);
    }

    [Fact]
    public void Offsets_count_the_byte_order_mark()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "a\nb"u8.ToArray(), 0xC3, 0x28];
        var e = Assert.Throws<TextDataException>(() => TextDecoding.Decode(bytes, "f"));
        Assert.StartsWith("f:2: invalid UTF-8 at byte offset 6 ", e.Message);
    }

    [Fact]
    public void Latin1_english_is_not_mistaken_for_japanese()
    {
        // "café, naïve résumés" in ISO-8859-1: CP932 would turn some pairs into kanji, but there is no kana.
        byte[] bytes = Encoding.Latin1.GetBytes("The café served naïve résumés.\nSecond line.\n");
        Assert.Equal(TextEncoding.Utf8, TextDecoding.Detect(bytes));
        var e = Assert.Throws<TextDataException>(() => TextDecoding.Decode(bytes, "en.txt"));
        Assert.StartsWith("en.txt:1: invalid UTF-8 at byte offset 7 ", e.Message);
        Assert.Contains("detected automatically", e.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf16_lone_surrogate_and_odd_length_are_reported(bool bigEndian)
    {
        var enc = new UnicodeEncoding(bigEndian, byteOrderMark: false);
        byte[] bom = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE];
        byte[] lone = bigEndian ? [0xD8, 0x3D] : [0x3D, 0xD8];
        byte[] bytes = [.. bom, .. enc.GetBytes("日本\n語"), .. lone, .. enc.GetBytes("x")];
        var e = Assert.Throws<TextDataException>(() => TextDecoding.Decode(bytes, "u16"));
        Assert.StartsWith($"u16:2: invalid {(bigEndian ? "UTF-16BE" : "UTF-16LE")} at byte offset 10 ", e.Message);
        var replaced = TextDecoding.Decode(bytes, "u16", new TextDecodingOptions { ReplaceInvalid = true });
        Assert.Equal("日本\n語\uFFFDx", replaced.Text);
        Assert.Equal(1, replaced.ReplacedSequences);

        byte[] odd = [.. bom, .. enc.GetBytes("日本"), 0x41];
        var e2 = Assert.Throws<TextDataException>(() => TextDecoding.Decode(odd, "odd"));
        Assert.Contains("at byte offset 6 ", e2.Message);
    }

    [Fact]
    public void Euc_jp_unassigned_row_is_reported()
    {
        var euc = TextDecoding.GetStrictEncoding(TextEncoding.EucJp);
        byte[] bytes = [.. euc.GetBytes("日本の減税である。\n第二文。\n"), 0xA9, 0xA1, .. euc.GetBytes("です。\n")];
        var e = Assert.Throws<TextDataException>(() => TextDecoding.Decode(bytes, "e.txt", new TextDecodingOptions { Encoding = TextEncoding.EucJp }));
        Assert.StartsWith($"e.txt:3: invalid EUC-JP at byte offset {bytes.Length - 2 - euc.GetByteCount("です。\n")} ", e.Message);
        Assert.Contains("(bytes A9A1)", e.Message);
    }

    [Fact]
    public void Shift_jis_and_euc_jp_of_japanese_lines_are_told_apart()
    {
        // Lines of the sample in random order and number, encoded by .NET's encoders (the fixtures cover iconv's).
        var lines = TextFiles.SplitLines(Original).Where(l => l.Length > 0).ToArray();
        Gen.Int[0, lines.Length - 1].Array[1, 12].Sample(picks =>
        {
            string text = string.Join("\n", picks.Select(i => lines[i])) + "\n";
            foreach (var encoding in new[] { TextEncoding.ShiftJis, TextEncoding.EucJp, TextEncoding.Utf8 })
            {
                byte[] bytes = TextDecoding.GetStrictEncoding(encoding).GetBytes(text);
                var d = TextDecoding.Decode(bytes, "x");
                Assert.Equal(encoding, d.Encoding);
                Assert.Equal(text, d.Text);
            }
        }, iter: 200);
    }

    [Fact]
    public void Short_japanese_words_are_told_apart_too()
    {
        foreach (string text in new[] { "日本", "東京都", "あ", "カタカナ", "です。", "（総理）", "極秘 大至急" })
        {
            foreach (var encoding in new[] { TextEncoding.ShiftJis, TextEncoding.EucJp })
            {
                byte[] bytes = TextDecoding.GetStrictEncoding(encoding).GetBytes(text);
                var d = TextDecoding.Decode(bytes, "x");
                Assert.True(text == d.Text, $"{text} in {encoding} was read as {d.Encoding}: {d.Text}");
            }
        }
    }

    [Fact]
    public void Random_bytes_either_decode_or_fail_with_a_message_and_replacement_counts_exactly_the_failures()
    {
        Gen.Byte.Array[0, 200].Sample(bytes =>
        {
            foreach (var enc in Enum.GetValues<TextEncoding>())
            {
                bool strict;
                try
                {
                    TextDecoding.Decode(bytes, "r", new TextDecodingOptions { Encoding = enc });
                    strict = true;
                }
                catch (TextDataException e)
                {
                    Assert.Matches(@"^r:\d+: invalid .* at byte offset \d+ ", e.Message);
                    strict = false;
                }
                var replaced = TextDecoding.Decode(bytes, "r", new TextDecodingOptions { Encoding = enc, ReplaceInvalid = true });
                Assert.Equal(strict, replaced.ReplacedSequences == 0);
            }
        }, iter: 2000);
    }

    [Theory]
    [InlineData("auto", TextEncoding.Auto)]
    [InlineData("UTF-8", TextEncoding.Utf8)]
    [InlineData("utf-16le", TextEncoding.Utf16LE)]
    [InlineData("utf-16be", TextEncoding.Utf16BE)]
    [InlineData("shift_jis", TextEncoding.ShiftJis)]
    [InlineData("cp932", TextEncoding.ShiftJis)]
    [InlineData("euc-jp", TextEncoding.EucJp)]
    public void Names_parse(string name, TextEncoding expected)
    {
        Assert.True(TextDecoding.TryParseName(name, out var e));
        Assert.Equal(expected, e);
    }

    [Theory]
    [InlineData("latin1")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_names_do_not_parse(string? name) => Assert.False(TextDecoding.TryParseName(name, out _));

    [Theory]
    [InlineData("", new string[0])]
    [InlineData("a", new[] { "a" })]
    [InlineData("a\n", new[] { "a" })]
    [InlineData("a\r\nb\r\n", new[] { "a", "b" })]
    [InlineData("\n\n", new[] { "", "" })]
    [InlineData("a\rb\n", new[] { "a\rb" })]
    public void Lines_split_at_line_feeds(string text, string[] lines) => Assert.Equal(lines, TextFiles.SplitLines(text));
}
