using System.Text;
using CsCheck;
using Taiyaku.Formats;
using Taiyaku.Text;

namespace Taiyaku.Cli.Tests;

/// <summary>Lines kept as UTF-8 bytes read as the decoded text split into lines would.</summary>
public class Utf8LinesTests
{
    private static readonly string[] Pieces = ["a", "あ", "漢字", " ", "\n", "\r", "\r\n", "\t", "😀", "\uFEFF"];

    [Fact]
    public void Lines_are_those_of_the_decoded_text_split_into_lines()
    {
        Gen.Bool.Select(Gen.Int[0, Pieces.Length - 1].Array[0, 30]).Sample((bom, picks) =>
        {
            string text = (bom ? "\uFEFF" : "") + string.Concat(picks.Select(p => Pieces[p]));
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            var lines = Utf8Lines.TryCreate(bytes);
            Assert.NotNull(lines);
            var expected = TextFiles.SplitLines(TextDecoding.Decode(bytes, "f").Text);
            Assert.Equal(expected, lines);
            Assert.Equal(expected.Count, lines.Count);
            for (int i = 0; i < expected.Count; i++) Assert.Equal(expected[i], lines[i]);
        }, iter: 2000);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("\n", 1)]
    [InlineData("a", 1)]
    [InlineData("a\nb", 2)]
    [InlineData("a\r\nb\r\n", 2)]
    [InlineData("\uFEFF", 0)]
    [InlineData("\uFEFFa\n\n", 2)]
    public void Counts_lines_as_a_file_has_them(string text, int count) =>
        Assert.Equal(count, Utf8Lines.TryCreate(Encoding.UTF8.GetBytes(text))!.Count);

    [Fact]
    public void Bytes_that_are_not_UTF8_are_left_to_the_decoder()
    {
        Assert.Null(Utf8Lines.TryCreate([0x61, 0x0A, 0x82, 0xA0]));                      // Shift_JIS あ
        Assert.Null(Utf8Lines.TryCreate([0xFF, 0xFE, 0x61, 0x00]));                      // UTF-16LE
        Assert.Throws<ArgumentOutOfRangeException>(() => Utf8Lines.TryCreate("a\n"u8.ToArray())![1]);
    }
}
