using System.Formats.Tar;
using System.IO.Compression;
using System.Text.RegularExpressions;
using Taiyaku.Japanese.Ipadic;
using Taiyaku.Testing;

namespace Taiyaku.Cli.Tests;

/// <summary>
/// <c>taiyaku dict --system</c>, the mecab-dict-index -d/-o/-f/-c of the tool: it compiles IPADIC's sources, as
/// Debian ships them, into the very dictionary the tool ships (which the build compiles from the same archive), and
/// into what mecab-dict-index writes when it is installed.
/// </summary>
public class DictSystemCommandTests
{
    private static string Archive => Path.Combine(RepositoryPaths.Root, "src", "Taiyaku.Japanese.Ipadic", "ipadic-2.7.0-debian.tar.gz");

    private static string Extract(TempDir dir)
    {
        using (var gz = new GZipStream(File.OpenRead(Archive), CompressionMode.Decompress))
            TarFile.ExtractToDirectory(gz, dir.Path, overwriteFiles: false);
        return Path.Combine(dir.Path, "usr", "share", "mecab", "dic", "ipadic");
    }

    /// <summary>The lexicon order the build pins (Taiyaku.Japanese.Ipadic.csproj), so that homographs come out in Debian's order.</summary>
    private static string LexiconOrder() =>
        Regex.Match(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "Taiyaku.Japanese.Ipadic", "Taiyaku.Japanese.Ipadic.csproj")),
            "<IpadicLexiconOrder>([^<]+)</IpadicLexiconOrder>").Groups[1].Value;

    [Fact]
    public void Compiles_ipadic_into_the_dictionary_the_tool_ships()
    {
        using var dir = new TempDir();
        string source = Extract(dir);
        string output = Path.Combine(dir.Path, "out");
        // No periodic plain line (every 15 s by default): on a loaded machine one would change the count below.
        var r = ToolProcess.RunWithEnvironment(new Dictionary<string, string> { [ProgressReporter.IntervalVariable] = "3600" },
            "dict", "--system", source, "--out", output, "--from-charset", "EUC-JP", "--charset", "UTF-8",
            "--files", LexiconOrder(), "--with-defs");
        Assert.True(r.ExitCode == 0, r.StdErr);
        // Progress without a terminal: a line per source file read with its counts (26 CSVs, unk.def, matrix.def), then the summary.
        var lines = r.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(29, lines.Length);
        Assert.Matches(@"^taiyaku: 392127 entries compiled into .* in [\d.]+ s$", lines[^1]);
        var read = new Regex(@"^taiyaku dict: read (\S+): ([\d,]+) (entries|connection costs) in ([\d,]+) lines \((\d+)/28 files\)$");
        var matches = lines[..^1].Select(l => read.Match(l)).ToList();
        Assert.All(matches, m => Assert.True(m.Success, m.Value));
        static int Number(Match m, int group) => int.Parse(m.Groups[group].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Enumerable.Range(1, 28), matches.Select(m => Number(m, 5)));
        Assert.Equal(LexiconOrder().Split(',').Append("unk.def").Append("matrix.def").Order(), matches.Select(m => m.Groups[1].Value).Order());
        // The CSVs' entries add up to the lexicon; IPADIC's matrix is 1316 x 1316 costs, one a line after the size line.
        Assert.Equal(392127, matches.Where(m => m.Groups[1].Value.EndsWith(".csv", StringComparison.Ordinal)).Sum(m => Number(m, 2)));
        var matrix = matches.Single(m => m.Groups[1].Value == "matrix.def");
        Assert.Equal(("connection costs", 1316 * 1316, 1316 * 1316 + 1), (matrix.Groups[3].Value, Number(matrix, 2), Number(matrix, 4)));
        foreach (var file in new[] { "sys.dic", "unk.dic", "char.bin", "matrix.bin", "dicrc", "pos-id.def", "rewrite.def", "left-id.def", "right-id.def" })
            Assert.True(File.ReadAllBytes(Path.Combine(IpadicDictionary.DirectoryPath, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(output, file))), file);
        // The result is a dictionary tokenize reads.
        var t = ToolProcess.Run("京都に行った\n"u8.ToArray(), "tokenize", "--lang", "ja", "--dicdir", output, "--format", "wakati");
        Assert.Equal((0, "京都 に 行っ た \n"), (t.ExitCode, t.StdOut));
    }

    [SkippableFact]
    public void Writes_what_mecab_dict_index_writes()
    {
        string? dictIndex = new[] { "/usr/lib/mecab/mecab-dict-index", "/usr/libexec/mecab/mecab-dict-index", "/usr/lib/x86_64-linux-gnu/mecab/mecab-dict-index" }.FirstOrDefault(File.Exists);
        Skip.If(dictIndex == null, "mecab-dict-index is not installed (Debian's mecab-utils): taiyaku dict --system is compared with the shipped IPADIC only");
        using var dir = new TempDir();
        string source = Extract(dir);
        string ours = Path.Combine(dir.Path, "ours"), theirs = Path.Combine(dir.Path, "theirs");
        Directory.CreateDirectory(theirs);
        // Both read the lexicons in the folder's directory order (no --files), from EUC-JP into UTF-8.
        var r = ToolProcess.Run("dict", "--system", source, "--out", ours, "--from-charset", "euc-jp", "--charset", "utf-8");
        Assert.True(r.ExitCode == 0, r.StdErr);
        var m = ToolProcess.RunSystem(dictIndex!, "-d", source, "-o", theirs, "-f", "euc-jp", "-t", "utf-8");
        Assert.True(m.Code == 0, m.Err);
        foreach (var file in new[] { "sys.dic", "unk.dic", "char.bin", "matrix.bin" })
            Assert.True(File.ReadAllBytes(Path.Combine(theirs, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(ours, file))), file);
    }

    [Theory]
    [InlineData("dict", "--out", "x")]
    [InlineData("dict", "--user", "a.csv", "--system", "src", "--out", "x")]
    [InlineData("dict", "--system", "src", "--out", "x", "--dicdir", "d")]
    [InlineData("dict", "--system", "src", "--out", "-")]
    [InlineData("dict", "--user", "a.csv", "--out", "x", "--files", "a.csv")]
    [InlineData("dict", "--system", "src", "--out", "x", "--charset", "klingon")]
    public void Usage_errors_exit_2(params string[] args)
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, "src"));
        var r = ToolProcess.RunIn(dir.Path, null, args);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.StdOut);
    }

    [Fact]
    public void A_broken_source_is_an_input_error_and_leaves_the_output_folder_as_it_was()
    {
        using var dir = new TempDir();
        string source = Extract(dir);
        File.AppendAllText(Path.Combine(source, "Noun.csv"), "broken,line\n");
        string output = Path.Combine(dir.Path, "out");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "sys.dic"), "mine");
        var r = ToolProcess.Run("dict", "--system", source, "--out", output, "--from-charset", "EUC-JP");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("Noun.csv", r.StdErr);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(output, "sys.dic")));
    }
}
