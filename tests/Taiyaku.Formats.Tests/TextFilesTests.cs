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
        var e = Assert.Throws<TextDataException>(() => TextFiles.SplitLines(bytes, "f"));
        Assert.Equal("f:2: invalid UTF-8 at byte offset 6 of the file", e.Message);
        Assert.Equal(("f", 2, "invalid UTF-8 at byte offset 6 of the file"), (e.FileName, e.Line, e.Reason));
    }

    [Fact]
    public void A_file_name_with_colons_and_digits_keeps_line_and_reason_apart()
    {
        // The reason a caller reports must not depend on parsing the message: this name looks like "file:line".
        byte[] bytes = [.. "ok\n"u8.ToArray(), 0xC3];
        var e = Assert.Throws<TextDataException>(() => TextFiles.DecodeDocument(bytes, "C:/gold:12:x.ja"));
        Assert.Equal(2, e.Line);
        Assert.Equal("C:/gold:12:x.ja", e.FileName);
        Assert.StartsWith("invalid UTF-8 at byte offset 3", e.Reason);
    }
}
