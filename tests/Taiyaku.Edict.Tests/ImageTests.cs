using System.IO.Compression;
using System.Text;
using CsCheck;
using Taiyaku.Testing;

namespace Taiyaku.Edict.Tests;

/// <summary>The binary lexicon image: what it is compiled from, what it answers, and what it refuses.</summary>
public class ImageTests
{
    private static string CommittedPath => Path.Combine(RepositoryPaths.Root, "src", "Taiyaku.Edict", "edict-lexicon.tsv.gz");

    [Fact]
    public void The_embedded_image_answers_exactly_what_the_committed_text_says()
    {
        // Read the text with the plainest code, independent of LexiconTsv: key, tab, space-separated words.
        var expected = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        using (var reader = new StreamReader(new GZipStream(File.OpenRead(CommittedPath), CompressionMode.Decompress), Encoding.UTF8))
        {
            for (string? line; (line = reader.ReadLine()) != null;)
            {
                if (line.Length == 0) continue;
                var parts = line.Split('\t');
                if (!expected.TryGetValue(parts[0], out var list)) expected[parts[0]] = list = [];
                foreach (string w in parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    if (!list.Contains(w)) list.Add(w);
            }
        }
        var lexicon = EdictLexicon.Default;
        Assert.Equal(expected.Count, lexicon.Count);
        foreach (var (key, words) in expected)
        {
            Assert.True(lexicon.TryGetTranslations(key, out var found), key);
            Assert.Equal(words, found);
        }
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), lexicon.Entries.Select(e => e.Key));
    }

    [Fact]
    public void Random_lexicons_read_back_key_for_key_and_nothing_else()
    {
        var gen = Gen.Dictionary(Gen.String[Gen.Char["あいうかきくア山川ab"], 1, 4], Gen.String[Gen.Char['a', 'e'], 1, 3].Array[1, 4])[0, 60];
        gen.Sample(entries =>
        {
            var parsed = entries.ToDictionary(e => e.Key, e => e.Value.Distinct().ToList(), StringComparer.Ordinal);
            var image = LexiconImage.FromBytes(LexiconImageWriter.Write(parsed));
            Assert.False(image.InPlace);
            Assert.Equal(parsed.Count, image.KeyCount);
            foreach (var (key, words) in parsed)
            {
                int k = image.Find(key);
                Assert.True(k >= 0, key);
                Assert.Equal(key, image.Key(k));
                Assert.Equal(words, image.Words(k));
                Assert.Same(image.Words(k), image.Words(k));   // built once
            }
            foreach (string other in new[] { "", "ん", "山山山山山", "abab" })
                Assert.Equal(parsed.ContainsKey(other), image.Find(other) >= 0);
        }, iter: 300);
    }

    [Fact]
    public void The_same_entries_in_any_order_give_the_same_bytes()
    {
        var a = new Dictionary<string, List<string>> { ["山"] = ["mountain"], ["川"] = ["river", "stream"], ["寺"] = ["temple"] };
        var b = new Dictionary<string, List<string>> { ["寺"] = ["temple"], ["川"] = ["river", "stream"], ["山"] = ["mountain"] };
        Assert.Equal(LexiconImageWriter.Write(a), LexiconImageWriter.Write(b));
    }

    [Fact]
    public void An_empty_lexicon_finds_nothing()
    {
        var lexicon = EdictLexicon.Load(new MemoryStream());
        Assert.Equal(0, lexicon.Count);
        Assert.False(lexicon.TryGetTranslations("山", out var words));
        Assert.Empty(words);
    }

    [Fact]
    public void Damaged_images_are_refused()
    {
        byte[] good = LexiconImageWriter.Write(new Dictionary<string, List<string>> { ["山"] = ["mountain"] });
        Assert.Equal(1, LexiconImage.FromBytes(good).KeyCount);
        Assert.Throws<InvalidDataException>(() => LexiconImage.FromBytes(good.AsSpan(0, good.Length - 2)));
        Assert.Throws<InvalidDataException>(() => LexiconImage.FromBytes(good.AsSpan(0, 8)));
        byte[] wrongMagic = (byte[])good.Clone();
        wrongMagic[0] ^= 1;
        Assert.Throws<InvalidDataException>(() => LexiconImage.FromBytes(wrongMagic));
        byte[] wrongCount = (byte[])good.Clone();
        wrongCount[8] = 3;   // three keys claimed
        Assert.Throws<InvalidDataException>(() => LexiconImage.FromBytes(wrongCount));
    }
}
