using System.Runtime.InteropServices;
using System.Text;

namespace Taiyaku.Japanese;

/// <summary>
/// A compiled MeCab dictionary directory (sys.dic, matrix.bin, char.bin, unk.dic, dicrc, optional user dictionaries),
/// memory-mapped and validated once. Immutable and safe to share between threads; dispose to release the maps
/// (after which no session or token of it may be used).
/// </summary>
public sealed unsafe class MecabDictionary : IDisposable
{
    private readonly LexiconFile[] _lexicons;
    private readonly LexiconFile _unknown;
    private readonly ConnectionMatrix _matrix;
    private readonly CharCategories _chars;
    private readonly byte* _bosFeature;
    private readonly byte* _unkFeature;
    private int _disposed;

    internal LexiconFile[] Lexicons => _lexicons;
    internal LexiconFile Unknown => _unknown;
    internal ConnectionMatrix Matrix => _matrix;
    internal CharCategories Chars => _chars;
    internal uint SpaceInfo { get; }
    internal int MaxGroupingSize { get; }
    internal (uint First, int Count)[] UnknownTokens { get; }
    internal byte* UnknownFeatureOverride => _unkFeature;
    internal byte* BosFeature => _bosFeature;

    /// <summary>The dictionary directory.</summary>
    public string DirectoryPath { get; }

    /// <summary>The system dictionary's charset, as written in its header (e.g. <c>UTF-8</c>, <c>euc-jp</c>).</summary>
    public string Charset => _lexicons[0].Charset;

    /// <summary>
    /// The encoding of the dictionary's text (surfaces, features, dicrc): what <see cref="AnalyzerSession.Analyze"/>
    /// encodes strings to and features are decoded from. Input bytes given to <see cref="AnalyzerSession.AnalyzeUtf8"/>
    /// and <see cref="MecabOutputWriter"/> must already be in it, as with mecab, which never converts.
    /// </summary>
    public Encoding TextEncoding { get; }

    internal CharsetKind CharsetKind { get; }

    /// <summary>dicrc's values as bytes (mecab keeps them as bytes of the dictionary's charset).</summary>
    internal IReadOnlyDictionary<string, byte[]> RawSettings { get; }

    /// <summary>Number of entries in the system dictionary.</summary>
    public int SystemEntryCount => (int)_lexicons[0].LexiconSize;

    /// <summary>Settings read from <c>dicrc</c> (key = value).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>The user dictionaries loaded after the system dictionary, in order.</summary>
    public IReadOnlyList<string> UserDictionaries { get; }

    private MecabDictionary(string dir, IReadOnlyList<string>? userDictionaries)
    {
        DirectoryPath = dir;
        string dicrcPath = Path.Combine(dir, "dicrc");
        var raw = RcFile.Read(dicrcPath);
        RawSettings = raw;
        Settings = RcFile.Decode(raw, Encoding.UTF8);
        var opened = new List<IDisposable>();
        try
        {
            _matrix = Track(new ConnectionMatrix(Path.Combine(dir, "matrix.bin")), opened);
            _chars = new CharCategories(Path.Combine(dir, "char.bin"));
            var sys = Track(new LexiconFile(Path.Combine(dir, "sys.dic"), expectedType: 0), opened);
            _unknown = Track(new LexiconFile(Path.Combine(dir, "unk.dic"), expectedType: 2), opened);
            CharsetKind = DictionaryCharset.Decode(sys.Charset);
            DictionaryCharset.EnsureTables(CharsetKind);
            TextEncoding = DictionaryCharset.TextEncoding(CharsetKind);
            if (CharsetKind != CharsetKind.Utf8) Settings = RcFile.Decode(raw, TextEncoding);
            var lex = new List<LexiconFile> { sys };
            // Paths given by the caller are relative to the working folder; dicrc's are relative to the dictionary.
            var users = userDictionaries?.Select(Path.GetFullPath).ToArray()
                ?? SplitCsv(Settings.GetValueOrDefault("userdic")).Select(u => Path.IsPathRooted(u) ? u : Path.Combine(dir, u)).ToArray();
            foreach (string p in users)
            {
                var d = Track(new LexiconFile(p, expectedType: 1), opened);
                if (d.LeftSize != sys.LeftSize || d.RightSize != sys.RightSize)
                    throw new DictionaryFormatException(p, $"incompatible with {sys.Path}: context sizes {d.LeftSize}x{d.RightSize} vs {sys.LeftSize}x{sys.RightSize}");
                lex.Add(d);
            }
            UserDictionaries = users;
            foreach (var l in lex.Append(_unknown)) l.ValidateIds(_matrix.LeftSize, _matrix.RightSize, _matrix.Path);
            _lexicons = lex.ToArray();

            UnknownTokens = new (uint, int)[_chars.Names.Length];
            for (int i = 0; i < _chars.Names.Length; i++)
            {
                int v = _unknown.ExactMatch(Encoding.ASCII.GetBytes(_chars.Names[i]));
                if (v < 0) throw new DictionaryFormatException(_unknown.Path, $"no unknown-word entry for character category {_chars.Names[i]} of char.bin");
                _unknown.TokenRange(v, out uint first, out int count);
                UnknownTokens[i] = (first, count);
            }
            SpaceInfo = _chars[0x20];
            MaxGroupingSize = 24;
            if (Settings.TryGetValue("max-grouping-size", out var mg) && int.TryParse(mg, out int mgv) && mgv > 0) MaxGroupingSize = mgv;
            if (!raw.TryGetValue("bos-feature", out var bos) || bos.Length == 0)
                throw new DictionaryFormatException(dicrcPath, "bos-feature is not defined");
            _bosFeature = NativeString(bos);
            if (raw.TryGetValue("unk-feature", out var unk) && unk.Length > 0) _unkFeature = NativeString(unk);
        }
        catch
        {
            foreach (var d in opened) d.Dispose();
            throw;
        }
    }

    private static T Track<T>(T d, List<IDisposable> list) where T : IDisposable { list.Add(d); return d; }

    private static byte* NativeString(byte[] b)
    {
        byte* p = (byte*)NativeMemory.Alloc((nuint)b.Length + 1);
        b.CopyTo(new Span<byte>(p, b.Length));
        p[b.Length] = 0;
        return p;
    }

    private static string[] SplitCsv(string? s) =>
        string.IsNullOrWhiteSpace(s) ? [] : s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// Opens the dictionary in <paramref name="directory"/>, or, when null, the one <see cref="DictionaryLocator.Locate"/>
    /// finds (MECABRC's, else the bundled IPADIC of the <c>Taiyaku.Japanese.Ipadic</c> package; never the machine's
    /// own unless located with <c>searchSystem: true</c> and passed here). <paramref name="userDictionaries"/> (compiled with mecab-dict-index -u)
    /// replaces dicrc's <c>userdic</c>; they are searched after the system dictionary, as mecab does.
    /// </summary>
    /// <exception cref="DictionaryNotFoundException">No dictionary directory was found.</exception>
    /// <exception cref="DictionaryFormatException">A file is missing, truncated or corrupted.</exception>
    public static MecabDictionary Open(string? directory = null, IReadOnlyList<string>? userDictionaries = null) =>
        new(DictionaryLocator.Locate(directory), userDictionaries);

    /// <summary>The feature string of BOS/EOS (dicrc's <c>bos-feature</c>).</summary>
    public ReadOnlySpan<byte> BosFeatureUtf8 => MemoryMarshal.CreateReadOnlySpanFromNullTerminated(_bosFeature);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

    /// <summary>Releases the memory maps.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        foreach (var l in _lexicons) l.Dispose();
        _unknown.Dispose();
        _matrix.Dispose();
        NativeMemory.Free(_bosFeature);
        if (_unkFeature != null) NativeMemory.Free(_unkFeature);
    }
}

/// <summary>
/// Reads mecab's rc files as mecab's Param::load does: <c>key = value</c> lines as bytes, <c>;</c> and <c>#</c>
/// comments at the start of a line, blanks removed before the value and after the key only, the first definition
/// of a key wins. (Lines without <c>=</c>, which mecab refuses, are skipped.)
/// </summary>
internal static class RcFile
{
    public static Dictionary<string, byte[]> Read(string path)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DictionaryFormatException(path, "cannot read: " + e.Message, e);
        }
        var d = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var rest = bytes.AsSpan();
        while (!rest.IsEmpty)
        {
            int nl = rest.IndexOf((byte)'\n');
            var line = nl < 0 ? rest : rest[..nl];
            rest = nl < 0 ? default : rest[(nl + 1)..];
            if (line.Length == 0 || line[0] == (byte)';' || line[0] == (byte)'#') continue;
            int eq = line.IndexOf((byte)'=');
            if (eq < 0) continue;
            int s1 = eq + 1;
            while (s1 < line.Length && IsSpace(line[s1])) s1++;
            int s2 = eq - 1;
            while (s2 >= 0 && IsSpace(line[s2])) s2--;
            string key = Encoding.Latin1.GetString(line[..(s2 + 1)]);
            d.TryAdd(key, line[s1..].ToArray());
        }
        return d;
    }

    public static Dictionary<string, string> Decode(Dictionary<string, byte[]> raw, Encoding encoding) =>
        raw.ToDictionary(kv => kv.Key, kv => encoding.GetString(kv.Value), StringComparer.Ordinal);

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\v' or (byte)'\f' or (byte)'\r';
}
