using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;

namespace Taiyaku.Japanese.Dictionary.Tests;

/// <summary>A temporary folder removed at dispose.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "taiyaku-dict-tests-" + Guid.NewGuid().ToString("N"));

    public string this[string name] => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Real MeCab tools, when installed (Debian: mecab, mecab-utils, mecab-ipadic-utf8).</summary>
internal static class Mecab
{
    static Mecab() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string? Binary { get; } = FindOnPath("mecab");

    public static string? DictIndex { get; } =
        new[] { "/usr/lib/mecab/mecab-dict-index", "/usr/libexec/mecab/mecab-dict-index", "/usr/lib/x86_64-linux-gnu/mecab/mecab-dict-index" }
            .FirstOrDefault(File.Exists);

    public const string DebianIpadicUtf8 = "/var/lib/mecab/dic/ipadic-utf8";

    public const string DebianIpadicSources = "/usr/share/mecab/dic/ipadic";

    public static bool HasDebianIpadic => File.Exists(Path.Combine(DebianIpadicUtf8, "sys.dic"));

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    /// <summary>Runs mecab with <paramref name="args"/> over UTF-8 <paramref name="input"/>; returns stdout.</summary>
    public static string Run(string input, params string[] args) => RunProcess(Binary!, args, input);

    /// <summary>Runs mecab with <paramref name="args"/>; returns stdout's bytes.</summary>
    public static byte[] RunBytes(IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(Binary!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        using var ms = new MemoryStream();
        p.StandardOutput.BaseStream.CopyTo(ms);
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"mecab failed ({p.ExitCode}): {stderr.Result}");
        return ms.ToArray();
    }

    public static string RunProcess(string file, IEnumerable<string> args, string? input = null)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (input is not null) p.StandardInput.Write(input);
        p.StandardInput.Close();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} failed ({p.ExitCode}): {stderr.Result}");
        return stdout.Result;
    }
}

/// <summary>Finds ../shared next to the repository root (the folder with Alignment.sln).</summary>
internal static class Repo
{
    public static string? SharedDir() => Taiyaku.Testing.RepositoryPaths.Shared();
}

/// <summary>
/// A hand-written three-id dictionary: id 0 is BOS/EOS, 1 nouns/verbs, 2 particles. Costs are chosen so that
/// the best paths can be worked out by hand (see MecabOutputTests).
/// </summary>
internal static class Synthetic
{
    public const string Matrix = """
        3 3
        0 0 0
        0 1 100
        0 2 100
        1 0 100
        1 1 200
        1 2 50
        2 0 100
        2 1 50
        2 2 200
        """;

    public const string CharDef = """
        # category invoke group length
        DEFAULT 0 1 0
        SPACE 0 1 0
        KANJI 0 0 2
        HIRAGANA 0 1 0
        KATAKANA 1 1 0
        0x0020 SPACE
        0x3041..0x309F HIRAGANA
        0x30A1..0x30FF KATAKANA  # katakana
        0x4E00..0x9FFF KANJI
        """;

    public const string UnkDef = """
        DEFAULT,1,1,5000,名詞,未知
        SPACE,1,1,5000,記号,空白
        KANJI,1,1,3000,名詞,未知
        HIRAGANA,1,1,5000,名詞,未知
        KATAKANA,1,1,2000,名詞,未知
        """;

    public const string Lexicon = """
        東京,1,1,1000,名詞,固有,とうきょう
        京都,1,1,1000,名詞,固有,きょうと
        東,1,1,3000,名詞,方角,ひがし
        は,2,2,500,助詞,係,は
        東,1,1,3500,名詞,固有,あずま
        に,2,2,500,助詞,格,に
        行く,1,1,2000,動詞,自立,いく
        """;

    public static string Dicrc(string charset) => $"""
        cost-factor = 800
        bos-feature = BOS/EOS,*,*
        eval-size = 6
        unk-eval-size = 4
        config-charset = {charset}

        """;

    /// <summary>Writes the sources into <paramref name="dir"/> in <paramref name="encoding"/> (UTF-8 when null).</summary>
    public static string Write(string dir, Encoding? encoding = null, string? lexicon = null, string? matrix = null)
    {
        encoding ??= new UTF8Encoding(false);
        Directory.CreateDirectory(dir);
        var charset = encoding.CodePage == 51932 ? "EUC-JP" : "UTF-8";
        void Put(string name, string text) => File.WriteAllBytes(Path.Combine(dir, name), encoding.GetBytes(text.ReplaceLineEndings("\n") + "\n"));
        Put("matrix.def", matrix ?? Matrix);
        Put("char.def", CharDef);
        Put("unk.def", UnkDef);
        Put("lex.csv", lexicon ?? Lexicon);
        File.WriteAllBytes(Path.Combine(dir, "dicrc"), encoding.GetBytes(Dicrc(charset).ReplaceLineEndings("\n")));
        return dir;
    }
}

/// <summary>Reads back MeCab's dictionary file format, independently of the compiler's code.</summary>
internal sealed class DicFile
{
    public DicFile(string path)
    {
        Bytes = File.ReadAllBytes(path);
        uint U(int at) => BinaryPrimitives.ReadUInt32LittleEndian(Bytes.AsSpan(at));
        Magic = U(0);
        Version = U(4);
        Type = U(8);
        LexSize = U(12);
        LeftSize = U(16);
        RightSize = U(20);
        DSize = U(24);
        TSize = U(28);
        FSize = U(32);
        var cs = Bytes.AsSpan(40, 32);
        Charset = Encoding.ASCII.GetString(cs[..cs.IndexOf((byte)0)]);
    }

    public byte[] Bytes { get; }
    public uint Magic { get; }
    public uint Version { get; }
    public uint Type { get; }
    public uint LexSize { get; }
    public uint LeftSize { get; }
    public uint RightSize { get; }
    public uint DSize { get; }
    public uint TSize { get; }
    public uint FSize { get; }
    public string Charset { get; }

    private int Base(long i) => BinaryPrimitives.ReadInt32LittleEndian(Bytes.AsSpan((int)(72 + (8 * i))));
    private uint Check(long i) => BinaryPrimitives.ReadUInt32LittleEndian(Bytes.AsSpan((int)(72 + (8 * i) + 4)));

    /// <summary>Darts exact match: the stored value, or -1.</summary>
    public int ExactMatch(string key)
    {
        long b = Base(0);
        foreach (var c in Encoding.UTF8.GetBytes(key))
        {
            var p = b + c + 1;
            if (Check(p) != (uint)b) return -1;
            b = Base(p);
        }

        var n = Base(b);
        return Check(b) == (uint)b && n < 0 ? -n - 1 : -1;
    }

    public (ushort Left, ushort Right, ushort PosId, short Cost, string Feature) Token(int index)
    {
        var at = (int)(72 + DSize + (16 * index));
        var s = Bytes.AsSpan(at);
        var off = (int)BinaryPrimitives.ReadUInt32LittleEndian(s[8..]);
        var f = Bytes.AsSpan((int)(72 + DSize + TSize + off));
        return (BinaryPrimitives.ReadUInt16LittleEndian(s), BinaryPrimitives.ReadUInt16LittleEndian(s[2..]),
            BinaryPrimitives.ReadUInt16LittleEndian(s[4..]), BinaryPrimitives.ReadInt16LittleEndian(s[6..]),
            Encoding.UTF8.GetString(f[..f.IndexOf((byte)0)]));
    }

    /// <summary>All tokens stored under <paramref name="surface"/>.</summary>
    public List<(ushort Left, ushort Right, ushort PosId, short Cost, string Feature)> Lookup(string surface)
    {
        var v = ExactMatch(surface);
        if (v < 0) return [];
        return [.. Enumerable.Range(v >> 8, v & 0xFF).Select(Token)];
    }
}

/// <summary>Code-page encodings for fixtures (registers the provider before first use).</summary>
internal static class TestEncodings
{
    static TestEncodings()
    {
        // In the constructor body: field initializers would run before the registration.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        EucJp = Encoding.GetEncoding(51932);
    }

    public static Encoding EucJp { get; }
}
