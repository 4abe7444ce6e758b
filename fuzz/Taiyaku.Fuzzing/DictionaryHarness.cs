using System.Text;
using Taiyaku.Japanese;
using Taiyaku.Japanese.Dictionary;
using Taiyaku.Japanese.Dictionary.Tests;

namespace Taiyaku.Fuzzing;

/// <summary>
/// The dictionary loader: one of the files of a small dictionary (sys.dic, unk.dic, matrix.bin, char.bin, dicrc, or a
/// user dictionary) is replaced by the input, the dictionary is opened and, when that succeeds, sentences are analysed
/// and written as mecab would. <see cref="DictionaryFormatException"/> is the expected failure; anything else, including
/// a native crash, is a crash.
/// <para>
/// Input layout: byte 0 picks the file (<c>byte % 6</c>: sys.dic, unk.dic, matrix.bin, char.bin, dicrc, user.dic).
/// For char.bin (256 KB, too big to fuzz whole) the rest overwrites the start of the real file, which is cut to that
/// length when bit 7 of byte 0 is set; for the others the rest is the whole file.
/// </para>
/// </summary>
internal sealed class DictionaryHarness : IHarness
{
    private static readonly string[] Files = ["sys.dic", "unk.dic", "matrix.bin", "char.bin", "dicrc", "user.dic"];

    private static readonly string[] Sentences =
    [
        "東京に行く", "京都は東", "カタカナとひらがな abc 123", "😀 emoji", "", " ", "\u3000東\u3000",
        "東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東",
        "カタカナカタカナカタカナカタカナカタカナカタカナカタカナカタカナカタカナカタカナカタカナカタカナ",
    ];

    private readonly string _dir;
    private readonly Dictionary<string, byte[]> _base = new();
    private string? _dirty;

    public DictionaryHarness()
    {
        string root = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        _dir = Directory.CreateDirectory(Path.Combine(root, $"taiyaku-fuzz-dic-{Environment.ProcessId}")).FullName;
        string src = Directory.CreateDirectory(Path.Combine(_dir, "src")).FullName;
        Synthetic.Write(src);
        string compiled = Path.Combine(_dir, "compiled");
        DictionaryCompiler.CompileSystem(src, compiled);
        File.WriteAllText(Path.Combine(src, "user.csv"), "東京都,1,1,500,名詞,固有,とうきょうと\nカタカナ,1,1,100,名詞,一般,かたかな\n");
        DictionaryCompiler.CompileUser(Path.Combine(src, "user.csv"), compiled, Path.Combine(compiled, "user.dic"));
        foreach (string f in Files) _base[f] = File.ReadAllBytes(Path.Combine(compiled, f));
        foreach (string f in Files) File.WriteAllBytes(Path.Combine(_dir, f), _base[f]);
    }

    public IEnumerable<byte[]> Seeds()
    {
        for (int i = 0; i < Files.Length; i++)
        {
            byte[] content = Files[i] == "char.bin" ? _base[Files[i]][..(4 + 32 * 5 + 64)] : _base[Files[i]];
            yield return [(byte)i, .. content];
            if (Files[i] == "char.bin") yield return [(byte)(i | 0x80), .. content];
        }
    }

    public void Run(ReadOnlySpan<byte> input)
    {
        if (input.Length == 0) return;
        string file = Files[input[0] % Files.Length];
        var data = input[1..];
        if (_dirty != null && _dirty != file) File.WriteAllBytes(Path.Combine(_dir, _dirty), _base[_dirty]);
        byte[] content;
        if (file == "char.bin")
        {
            content = (byte[])_base[file].Clone();
            data[..Math.Min(data.Length, content.Length)].CopyTo(content);
            if ((input[0] & 0x80) != 0) content = content[..Math.Min(data.Length, content.Length)];
        }
        else content = data.ToArray();
        File.WriteAllBytes(Path.Combine(_dir, file), content);
        _dirty = file;

        MecabDictionary dictionary;
        try
        {
            dictionary = file == "user.dic"
                ? MecabDictionary.Open(_dir, [Path.Combine(_dir, "user.dic")])
                : MecabDictionary.Open(_dir);
        }
        catch (DictionaryFormatException)
        {
            return;
        }
        using (dictionary)
        {
            try { Exercise(dictionary, data); }
            catch (DictionaryFormatException)
            {
                // By design the double array's token ranges are checked when a lookup reaches them: a corrupted file
                // may also be reported during analysis, with the same exception.
            }
        }
    }

    private static void Exercise(MecabDictionary dictionary, ReadOnlySpan<byte> data)
    {
        {
            var session = new AnalyzerSession(dictionary);
            foreach (string s in Sentences)
            {
                foreach (ref readonly var t in session.Analyze(s))
                {
                    if (t.Offset < 0 || t.Length < 0 || t.Offset + t.Length > s.Length)
                        throw new InvariantException($"token ({t.Offset}, {t.Length}) outside a sentence of {s.Length} chars");
                    _ = session.SurfaceUtf8(t).Length + session.FeatureUtf8(t).Length;
                }
            }
            // The input bytes themselves, as mecab reads lines (unvalidated UTF-8).
            var writer = new MecabOutputWriter(session, MecabOutputFormat.Default);
            writer.Process(new MemoryStream(data[..Math.Min(data.Length, 512)].ToArray()), Stream.Null);
            using var analyzer = new MorphologicalAnalyzer(dictionary);
            _ = analyzer.Analyze(Encoding.UTF8.GetString(data[..Math.Min(data.Length, 256)]));
        }
    }
}
