using System.Text;
using Taiyaku.Japanese.Analysis;

namespace Taiyaku.Japanese.Tests;

/// <summary>
/// The grouping scan's shortcut (precomputed run ends once a run passes 64 characters) against mecab's literal
/// scan, on long runs of one category with category changes, broken bytes and look-up ends short of the sentence's
/// end (the 64 KB cap and partial parsing's piece boundaries).
/// </summary>
[Collection("dictionary")]
public sealed unsafe class CharClassifierTests(DictionaryFixture fixture)
{
    private static readonly string[] Alphabets = ["カタカナヲンヴー", "0123456789", "abcdefxyzABC", "ａｂｃ０１２", "漢字仮名交"];

    [SkippableFact]
    public void Group_scan_ends_where_the_literal_scan_ends()
    {
        var dictionary = fixture.Require();
        var chars = new CharClassifier(dictionary);
        var random = new Random(17);
        int checkedScans = 0, longRuns = 0;
        for (int trial = 0; trial < 1000; trial++)
        {
            byte[] sentence = RandomSentence(random);
            int len = sentence.Length - 1;
            chars.Reset(len);
            fixed (byte* s = sentence)
            {
                for (int k = 0; k < 20; k++)
                {
                    int begin = random.Next(len);
                    // The end of the look-up: the sentence's, or anywhere after the start.
                    int end = random.Next(3) == 0 ? len : random.Next(begin + 1, len + 1);
                    uint info = chars.CharInfo(s, begin, end, out int mblen);
                    int p = begin + mblen;
                    if (p > end) continue;
                    uint fail = 0;
                    int ml = mblen;
                    int expected = chars.SeekToOtherType(s, p, end, info, ref fail, ref ml, out int expectedCount);
                    fail = 0;
                    ml = mblen;
                    int actual = chars.SeekGroup(s, p, end, info, ref fail, ref ml, out int actualCount);
                    Assert.True(expected == actual && expectedCount == actualCount,
                        $"trial {trial}, begin {begin}, end {end} of {len}: literal scan ends at {expected} after {expectedCount} characters, shortcut at {actual} after {actualCount}");
                    checkedScans++;
                    if (expectedCount > 64) longRuns++;
                }
            }
        }
        // Most scans must take the shortcut, or this test checks nothing.
        Assert.True(longRuns > checkedScans / 10, $"only {longRuns} of {checkedScans} scans were longer than 64 characters");
    }

    // Runs of 1 to 400 characters of one alphabet, now and then a broken byte; NUL-terminated as the analyser's input is.
    private static byte[] RandomSentence(Random random)
    {
        var bytes = new List<byte>();
        int runs = random.Next(1, 6);
        for (int r = 0; r < runs; r++)
        {
            string alphabet = Alphabets[random.Next(Alphabets.Length)];
            int length = random.Next(3) == 0 ? random.Next(1, 10) : random.Next(60, 400);
            for (int i = 0; i < length; i++)
            {
                if (random.Next(200) == 0) bytes.Add((byte)random.Next(0x80, 0x100));
                else bytes.AddRange(Encoding.UTF8.GetBytes(alphabet[random.Next(alphabet.Length)].ToString()));
            }
        }
        bytes.Add(0);
        return bytes.ToArray();
    }
}
