using System.IO.Compression;
using Taiyaku.Cli.Commands;
using Taiyaku.Japanese;

namespace Taiyaku.Cli.Tests;

/// <summary>
/// <c>tokenize</c> in-process against the golden files that real mecab produced (tests/Taiyaku.Japanese.Tests/Golden).
/// Without an installed dictionary the command must fail with the missing-dictionary input error instead.
/// </summary>
public class TokenizeCommandTests
{
    // The bundled IPADIC is built with the solution: its absence fails these tests (Locate says what it tried).
    private static readonly string Dictionary = DictionaryLocator.Locate();

    private static string Golden(string name) =>
        Path.Combine(Taiyaku.Testing.RepositoryPaths.Root, "tests", "Taiyaku.Japanese.Tests", "Golden", name);

    private static byte[] ReadGolden(string name)
    {
        string path = Golden(name);
        if (!name.EndsWith(".gz", StringComparison.Ordinal)) return File.ReadAllBytes(path);
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var ms = new MemoryStream();
        gz.CopyTo(ms);
        return ms.ToArray();
    }

    private static (int Code, byte[] Out, string Err) Run(byte[] stdin, params string[] args)
    {
        var output = new MemoryStream();
        var err = new StringWriter();
        int code = Tool.Run(["tokenize", .. args], new CliContext(new MemoryStream(stdin), output, err, CancellationToken.None));
        return (code, output.ToArray(), err.ToString());
    }

    private sealed record Failure(string Message);

    /// <summary>The run failed with an input error (exit 1); its message is what went to stderr.</summary>
    private static Failure InputError((int Code, byte[] Out, string Err) r)
    {
        Assert.Equal(1, r.Code);
        return new Failure(r.Err);
    }

    [Theory]
    [InlineData("corpus-sample.txt", "corpus-sample.mecab", "mecab")]
    [InlineData("corpus-sample.txt", "corpus-sample.wakati", "wakati")]
    [InlineData("torture.txt", "torture.wakati.gz", "wakati")]
    public void Output_is_byte_identical_to_mecab(string input, string golden, string format)
    {
        byte[] text = ReadGolden(input);
        var (code, output, _) = Run(text, "--lang", "ja", "--format", format, "--dicdir", Dictionary);
        Assert.Equal(0, code);
        Assert.True(ReadGolden(golden).AsSpan().SequenceEqual(output), $"tokenize --format {format} differs from mecab on {input}");
    }

    [Theory]
    [InlineData("formats-3.mecab.gz", "-Ochasen")]
    [InlineData("formats-9.mecab.gz", "-N3")]
    [InlineData("formats-12.mecab.gz", "-a")]
    [InlineData("formats-14.mecab.gz", "-m", "-F", "%m\\t%pP\\t%pA\\t%pB\\n", "-B", "BOS\\t%pA\\t%pB\\n", "-E", "EOS\\t%pA\\t%pB\\n")]
    [InlineData("formats-7.mecab.gz", "-F", "%m\\t%h\\t%c\\t%pw\\t%pC\\t%pn\\t%pc\\t%ps\\t%pe\\t%pl\\t%pL\\t[%pS]\\t%phl\\t%phr\\t%t\\t%s\\t%pb\\t%pi\\t%P\\t%%\\n",
        "-U", "U:%M %H\\n", "-B", "BOS %L [%S] %pi\\n", "-E", "EOS %pc %pi %s\\n")]
    public void Mecab_options_give_mecab_s_output(string golden, params string[] options)
    {
        var (code, output, _) = Run(ReadGolden("formats-sample.txt"), ["--lang", "ja", "--dicdir", Dictionary, .. options]);
        Assert.Equal(0, code);
        Assert.True(ReadGolden(golden).AsSpan().SequenceEqual(output), $"tokenize {string.Join(' ', options)} differs from mecab ({golden})");
    }

    [Fact]
    public void Partial_parsing_reads_blocks_up_to_eos()
    {
        var (code, output, _) = Run(ReadGolden("partial-sample.txt"), "--lang", "ja", "--dicdir", Dictionary, "-p");
        Assert.Equal(0, code);
        Assert.True(ReadGolden("partial-1.mecab.gz").AsSpan().SequenceEqual(output), "tokenize -p differs from mecab -p");
    }

    [Fact]
    public void Bad_formats_and_nbest_are_usage_errors()
    {
        Assert.Equal(2, Run([], "--lang", "ja", "--dicdir", Dictionary, "-O", "nosuchformat").Code);
        Assert.Equal(2, Run([], "--lang", "ja", "--dicdir", Dictionary, "-F", "%q").Code);
        Assert.Equal(2, Run([], "--lang", "ja", "--dicdir", Dictionary, "-N", "0").Code);
        Assert.Equal(2, Run([], "--lang", "ja", "--dicdir", Dictionary, "-N").Code);
    }

    [Fact]
    public void Reads_in_file_like_stdin()
    {
        string path = Golden("corpus-sample.txt");
        var fromFile = Run([], "--lang", "ja", "--in", path, "--dicdir", Dictionary);
        var fromStdin = Run(File.ReadAllBytes(path), "--lang", "ja", "--dicdir", Dictionary);
        Assert.Equal(0, fromFile.Code);
        Assert.Equal(ReadGolden("corpus-sample.mecab"), fromFile.Out);
        Assert.Equal(fromStdin.Out, fromFile.Out);
    }

    [Fact]
    public void Missing_dictionary_is_an_input_error_naming_the_folder()
    {
        string dir = Path.Combine(Path.GetTempPath(), "no-such-dictionary-" + Guid.NewGuid().ToString("N"));
        var e = InputError(Run("東京\n"u8.ToArray(), "--lang", "ja", "--dicdir", dir));
        Assert.Contains(dir, e.Message);
    }

    [Fact]
    public void Broken_dictionary_is_an_input_error_naming_the_file()
    {
        string dir = Path.Combine(Path.GetTempPath(), "broken-dictionary-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllBytes(Path.Combine(dir, "sys.dic"), new byte[200]);
            File.WriteAllText(Path.Combine(dir, "dicrc"), "bos-feature = BOS/EOS,*,*,*,*,*,*,*,*\n");
            var e = InputError(Run("東京\n"u8.ToArray(), "--lang", "ja", "--dicdir", dir));
            Assert.Contains(dir, e.Message);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Missing_input_file_is_an_input_error_naming_it()
    {
        string path = Path.Combine(Path.GetTempPath(), "no-such-input-" + Guid.NewGuid().ToString("N") + ".txt");
        var r = Run([], "--lang", "ja", "--in", path);
        Assert.Equal(1, r.Code);
        Assert.Contains(path, r.Err);
    }

    [Theory]
    [InlineData("--lang", "en")]
    [InlineData("--lang", "ja", "--format", "chasen")]
    [InlineData("--format", "mecab")]
    [InlineData("--lang", "ja", "--bogus")]
    public void Bad_options_are_usage_errors(params string[] args) =>
        Assert.Equal(2, Run([], args).Code);
}
