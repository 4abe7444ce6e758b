using System.Text;
using Taiyaku.Text;

namespace Taiyaku.Pipeline.Tests;

public class SentenceLengthsTests
{
    private static readonly string[] Pieces = ["a", "Z", "あ", "漢字", "ｱ", " ", "\t", "😀", "é", "\uFEFF", "\r", "。"];

    [Fact]
    public void Lines_held_as_UTF8_measure_as_their_strings_do()
    {
        // The byte path counts on the bytes; the string path decodes each line. Lines of random pieces (surrogate pairs,
        // a stray CR, a BOM inside a line), CRLF and LF endings, with and without a leading BOM.
        var random = new Random(20261130);
        for (int round = 0; round < 200; round++)
        {
            var text = new StringBuilder(random.Next(2) == 0 ? "\uFEFF" : "");
            int lineCount = random.Next(0, 12);
            for (int l = 0; l < lineCount; l++)
            {
                for (int p = random.Next(0, 10); p > 0; p--) text.Append(Pieces[random.Next(Pieces.Length)]);
                text.Append(random.Next(3) == 0 ? "\r\n" : "\n");
            }
            var lines = Utf8Lines.TryCreate(Encoding.UTF8.GetBytes(text.ToString()))!;
            var strings = lines.ToArray();
            foreach (var measure in new[] { LengthMeasure.Utf8Bytes, LengthMeasure.Characters })
            {
                Assert.Equal(SentenceLengths.MeasureJapanese(strings, measure), SentenceLengths.MeasureJapanese(lines, measure));
                Assert.Equal(SentenceLengths.MeasureEnglish(strings, measure), SentenceLengths.MeasureEnglish(lines, measure));
            }
        }
    }
}
