using Taiyaku.Japanese.Ipadic;

namespace Taiyaku.Japanese.Dictionary.Tests;

/// <summary>IPADIC: the dictionary the build compiled, against Debian's mecab-ipadic-utf8.</summary>
public sealed class IpadicTests
{
    [Fact]
    public void Build_put_the_compiled_ipadic_and_its_licence_next_to_the_assemblies()
    {
        Assert.True(IpadicDictionary.IsAvailable, IpadicDictionary.DirectoryPath);
        foreach (var f in new[] { "sys.dic", "unk.dic", "char.bin", "matrix.bin", "dicrc", "COPYING", "pos-id.def", "rewrite.def", "left-id.def", "right-id.def" })
        {
            Assert.True(File.Exists(Path.Combine(IpadicDictionary.DirectoryPath, f)), f);
        }

        var sys = new DicFile(Path.Combine(IpadicDictionary.DirectoryPath, "sys.dic"));
        Assert.Equal(392127u, sys.LexSize);
        Assert.Equal("UTF-8", sys.Charset);
        Assert.Contains("Nara Institute of Science", File.ReadAllText(Path.Combine(IpadicDictionary.DirectoryPath, "COPYING")));
        Assert.Contains("名詞,固有名詞,地域,一般,*,*,東京,トウキョウ,トーキョー", sys.Lookup("東京").Select(t => t.Feature));
    }

    [SkippableFact]
    public void Mecab_with_our_ipadic_gives_the_same_output_as_with_debian_s()
    {
        Skip.If(Mecab.Binary is null || !Mecab.HasDebianIpadic, "mecab or mecab-ipadic-utf8 is not installed");
        var shared = Repo.SharedDir();
        Skip.If(shared is null, "../shared not found");
        var files = Directory.GetFiles(Path.Combine(shared!, "corpora"), "*.ja", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Skip.If(files.Count == 0, "no *.ja corpus files");

        // A few hundred lines, spread over the books.
        var perFile = Math.Max(10, 400 / files.Count);
        var lines = files.SelectMany(f => File.ReadLines(f).Where(l => l.Trim().Length > 0).Take(perFile)).Take(400).ToList();
        Assert.True(lines.Count >= 200, $"only {lines.Count} lines");
        var input = string.Join('\n', lines) + "\n";

        var ours = Mecab.Run(input, "-d", IpadicDictionary.DirectoryPath);
        var debian = Mecab.Run(input, "-d", Mecab.DebianIpadicUtf8);
        Assert.Equal(lines.Count, debian.Split('\n').Count(l => l == "EOS"));
        Assert.Equal(debian, ours);
    }

    [SkippableFact]
    public void Compiling_debian_s_sources_in_directory_order_reproduces_debian_s_files_byte_for_byte()
    {
        // mecab-dict-index reads the CSVs in directory order; Debian's postinst compiled this very folder.
        Skip.If(!Mecab.HasDebianIpadic || !Directory.Exists(Mecab.DebianIpadicSources), "Debian's mecab-ipadic(-utf8) is not installed");
        using var tmp = new TempDir();
        var order = Directory.EnumerateFiles(Mecab.DebianIpadicSources)
            .Where(f => f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)).ToList();
        DictionaryCompiler.CompileSystem(Mecab.DebianIpadicSources, tmp.Path, new DictionaryCompileOptions
        {
            SourceEncoding = TestEncodings.EucJp,
            LexiconFiles = order,
        });
        foreach (var f in new[] { "sys.dic", "unk.dic", "char.bin", "matrix.bin", "dicrc" })
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(Mecab.DebianIpadicUtf8, f)).AsSpan().SequenceEqual(File.ReadAllBytes(tmp[f])),
                $"{f} differs from Debian's");
        }
    }

    [SkippableFact]
    public void Compiling_debian_s_juman_sources_from_their_folder_reproduces_debian_s_juman_utf8()
    {
        // Debian's postinst runs mecab-dict-index -f utf-8 -t utf-8 on this folder: CSVs in directory order (our
        // default too), bytes that are not UTF-8 copied as they are, and the charset written as given ("utf-8").
        const string sources = "/usr/share/mecab/dic/juman", compiled = "/var/lib/mecab/dic/juman-utf8";
        Skip.If(!File.Exists(Path.Combine(compiled, "sys.dic")) || !Directory.Exists(sources), "Debian's mecab-jumandic-utf8 is not installed");
        using var tmp = new TempDir();
        DictionaryCompiler.CompileSystem(sources, tmp.Path, new DictionaryCompileOptions { OutputCharsetName = "utf-8" });
        foreach (var f in new[] { "sys.dic", "unk.dic", "char.bin", "matrix.bin" })
        {
            Assert.True(File.ReadAllBytes(Path.Combine(compiled, f)).AsSpan().SequenceEqual(File.ReadAllBytes(tmp[f])), $"{f} differs from Debian's");
        }
    }
}
