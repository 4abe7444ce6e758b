using System.Buffers.Binary;
using Taiyaku.Japanese;

namespace Taiyaku.Japanese.Tests;

/// <summary>Broken dictionary files give a clear exception naming the file, never a crash.</summary>
public sealed class DictionaryFormatTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "taiyaku-dic-" + Guid.NewGuid().ToString("N"));

    public DictionaryFormatTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Source()
    {
        return TestPaths.Dictionary!;
    }

    // A copy of the installed dictionary in which the other files are links and one file is replaced.
    private string CopyWith(string file, Func<byte[], byte[]> change)
    {
        string src = Source();
        foreach (string name in new[] { "sys.dic", "matrix.bin", "char.bin", "unk.dic", "dicrc" })
        {
            string target = Path.Combine(_dir, name);
            if (name == file) File.WriteAllBytes(target, change(ReadPrefix(Path.Combine(src, name), name == "sys.dic" ? 1 << 20 : int.MaxValue)));
            else File.CreateSymbolicLink(target, Path.GetFullPath(Path.Combine(src, name)));
        }
        return _dir;
    }

    private static byte[] ReadPrefix(string path, int max)
    {
        using var fs = File.OpenRead(path);
        var b = new byte[Math.Min(max, fs.Length)];
        fs.ReadExactly(b);
        return b;
    }

    private DictionaryFormatException Fails(string file, Func<byte[], byte[]> change)
    {
        string dir = CopyWith(file, change);
        var e = Assert.Throws<DictionaryFormatException>(() => MecabDictionary.Open(dir).Dispose());
        Assert.Equal(Path.Combine(dir, file), e.FilePath);
        Assert.Contains(Path.Combine(dir, file), e.Message);
        return e;
    }

    private static byte[] With(byte[] b, int offset, uint value)
    {
        var c = (byte[])b.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(c.AsSpan(offset), value);
        return c;
    }

    [SkippableFact]
    public void The_unchanged_copy_opens() => MecabDictionary.Open(CopyWith("unk.dic", b => b)).Dispose();

    [SkippableFact]
    public void Truncated_sys_dic_is_reported() =>
        Assert.Contains("truncated", Fails("sys.dic", b => b).Problem); // only the first MB is copied

    [SkippableFact]
    public void Tiny_file_is_reported() => Assert.Contains("truncated", Fails("unk.dic", b => b[..40]).Problem);

    [SkippableFact]
    public void Empty_file_is_reported() => Assert.Contains("empty", Fails("unk.dic", b => []).Problem);

    [SkippableFact]
    public void Bad_magic_is_reported() => Assert.Contains("magic", Fails("unk.dic", b => With(b, 0, 0x12345678)).Problem);

    [SkippableFact]
    public void Wrong_version_is_reported() => Assert.Contains("version 101", Fails("unk.dic", b => With(b, 4, 101)).Problem);

    [SkippableFact]
    public void Wrong_type_is_reported() => Assert.Contains("type", Fails("unk.dic", b => With(b, 8, 0)).Problem);

    [SkippableFact]
    public void Inconsistent_section_sizes_are_reported() =>
        Assert.Contains("do not add up", Fails("unk.dic", b => With(b, 32, BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(32)) + 16)).Problem);

    [SkippableFact]
    public void Feature_offset_past_the_end_is_reported()
    {
        var e = Fails("unk.dic", b =>
        {
            uint dsize = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(24));
            return With(b, 72 + (int)dsize + 8, 0x7fffffff); // first token's feature offset
        });
        Assert.Contains("feature offset", e.Problem);
    }

    [SkippableFact]
    public void Context_id_outside_the_matrix_is_reported()
    {
        var e = Fails("unk.dic", b =>
        {
            var c = (byte[])b.Clone();
            uint dsize = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(24));
            BinaryPrimitives.WriteUInt16LittleEndian(c.AsSpan(72 + (int)dsize), 60000); // first token's left id
            return c;
        });
        Assert.Contains("matrix", e.Problem);
    }

    // sys.dic's tokens are checked as lookups reach them (opening pages in none of its 6 MB token table): a damaged
    // token is reported, naming sys.dic, by the analysis that meets it.
    [SkippableTheory]
    [InlineData(0, "matrix")]            // left context id
    [InlineData(8, "feature offset")]    // feature offset
    public void Damaged_system_dictionary_tokens_are_reported_when_met(int field, string problem)
    {
        string src = Source();
        string dir = CopyWith("sys.dic", b => b);
        string sys = Path.Combine(dir, "sys.dic");
        byte[] bytes = File.ReadAllBytes(Path.Combine(src, "sys.dic"));
        int dsize = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(24)), tsize = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(28));
        for (int t = 72 + dsize; t < 72 + dsize + tsize; t += 16)
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(t + field), field == 0 ? 60000u : 0x7fffffffu);
        File.WriteAllBytes(sys, bytes);
        using var dictionary = MecabDictionary.Open(dir);
        var e = Assert.Throws<DictionaryFormatException>(() => new MorphologicalAnalyzer(dictionary).Analyze("東京"));
        Assert.Equal(sys, e.FilePath);
        Assert.Contains(problem, e.Problem);
    }

    [SkippableFact]
    public void Truncated_matrix_is_reported() => Assert.Contains("truncated", Fails("matrix.bin", b => b[..(b.Length / 2)]).Problem);

    [SkippableFact]
    public void Truncated_char_bin_is_reported() => Assert.Contains("truncated", Fails("char.bin", b => b[..1000]).Problem);

    [SkippableFact]
    public void Bad_default_category_in_char_bin_is_reported()
    {
        var e = Fails("char.bin", b =>
        {
            uint count = BinaryPrimitives.ReadUInt32LittleEndian(b);
            return With(b, 4 + 32 * (int)count + 4 * 0x41, 0xff << 18); // 'A'
        });
        Assert.Contains("U+0041", e.Problem);
    }

    [SkippableFact]
    public void Missing_file_is_reported()
    {
        string dir = CopyWith("unk.dic", b => b);
        File.Delete(Path.Combine(dir, "matrix.bin"));
        var e = Assert.Throws<DictionaryFormatException>(() => MecabDictionary.Open(dir));
        Assert.Equal(Path.Combine(dir, "matrix.bin"), e.FilePath);
        Assert.Contains("no such file", e.Message);
    }

    [SkippableFact]
    public void Dicrc_without_bos_feature_is_reported()
    {
        string dir = CopyWith("unk.dic", b => b);
        File.Delete(Path.Combine(dir, "dicrc"));
        File.WriteAllText(Path.Combine(dir, "dicrc"), "cost-factor = 800\n");
        var e = Assert.Throws<DictionaryFormatException>(() => MecabDictionary.Open(dir));
        Assert.Contains("bos-feature", e.Message);
    }

    [SkippableFact]
    public void Corrupted_double_array_gives_output_or_a_clear_exception_never_a_crash()
    {
        string src = Source();
        string dir = CopyWith("unk.dic", b => b);
        File.Delete(Path.Combine(dir, "sys.dic"));
        byte[] sys = File.ReadAllBytes(Path.Combine(src, "sys.dic"));
        uint dsize = BinaryPrimitives.ReadUInt32LittleEndian(sys.AsSpan(24));
        var rng = new Random(12345);
        // Scribble over the double array (base/check values), leaving the header intact.
        for (int i = 0; i < 200_000; i++) sys[72 + rng.Next((int)dsize)] = (byte)rng.Next(256);
        File.WriteAllBytes(Path.Combine(dir, "sys.dic"), sys);

        using var dic = MecabDictionary.Open(dir);
        var session = new AnalyzerSession(dic);
        int analysed = 0, rejected = 0;
        foreach (string line in TestPaths.MecabLines(TestPaths.ReadGolden("corpus-sample.txt")))
        {
            try
            {
                foreach (var t in session.Analyze(line)) Assert.True(t.Offset + t.Length <= line.Length);
                analysed++;
            }
            catch (DictionaryFormatException e)
            {
                Assert.Equal(Path.Combine(dir, "sys.dic"), e.FilePath);
                rejected++;
            }
        }
        Assert.True(analysed + rejected > 250);
    }

    [Fact]
    public void Explicit_folder_without_a_dictionary_is_not_found_and_named()
    {
        string missing = Path.Combine(_dir, "nothing-here");
        var e = Assert.Throws<DictionaryNotFoundException>(() => MecabDictionary.Open(missing));
        Assert.Contains(missing, e.Message);
        Assert.Single(e.Tried);
    }

    [Fact]
    public void Automatic_search_lists_what_it_tried_or_finds_one()
    {
        if (DictionaryLocator.TryLocate(null, out var found)) Assert.True(File.Exists(Path.Combine(found, "sys.dic")));
        else
        {
            var e = Assert.Throws<DictionaryNotFoundException>(() => DictionaryLocator.Locate());
            Assert.Contains("/var/lib/mecab/dic/debian", e.Message);
        }
    }
}
