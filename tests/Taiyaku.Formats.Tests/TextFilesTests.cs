using System.Text;
using CsCheck;
using Taiyaku.Formats;

namespace Taiyaku.Formats.Tests;

/// <summary>The strict UTF-8 overloads of <see cref="TextFiles"/>.</summary>
public class TextFilesTests
{
    [Fact]
    public void Strict_utf8_skips_a_byte_order_mark()
    {
        // Regression: the BOM was written as "\xEF\xBB\xBF"u8, which is the UTF-8 of "ï»¿", so it was never skipped.
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "日本。\n二。\n"u8.ToArray()];
        Assert.Equal("日本。\n二。\n", TextFiles.DecodeDocument(bytes, "f"));
        Assert.Equal(["日本。", "二。"], TextFiles.SplitLines(bytes, "f"));
    }

    [Fact]
    public void Strict_utf8_lines_report_line_and_offset()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "a\nb"u8.ToArray(), 0xFF];
        var e = Assert.Throws<InvalidDataException>(() => TextFiles.SplitLines(bytes, "f"));
        Assert.Equal("f:2: invalid UTF-8 at byte offset 6 of the file", e.Message);
    }
}
