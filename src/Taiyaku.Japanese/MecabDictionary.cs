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

    /// <summary>The system dictionary's charset (always UTF-8 here).</summary>
    public string Charset => _lexicons[0].Charset;

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
        Settings = RcFile.Read(dicrcPath);
        var opened = new List<IDisposable>();
        try
        {
            _matrix = Track(new ConnectionMatrix(Path.Combine(dir, "matrix.bin")), opened);
            _chars = new CharCategories(Path.Combine(dir, "char.bin"));
            var sys = Track(new LexiconFile(Path.Combine(dir, "sys.dic"), expectedType: 0), opened);
            _unknown = Track(new LexiconFile(Path.Combine(dir, "unk.dic"), expectedType: 2), opened);
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
            if (!Settings.TryGetValue("bos-feature", out var bos) || bos.Length == 0)
                throw new DictionaryFormatException(dicrcPath, "bos-feature is not defined");
            _bosFeature = NativeString(bos);
            if (Settings.TryGetValue("unk-feature", out var unk) && unk.Length > 0) _unkFeature = NativeString(unk);
        }
        catch
        {
            foreach (var d in opened) d.Dispose();
            throw;
        }
    }

    private static T Track<T>(T d, List<IDisposable> list) where T : IDisposable { list.Add(d); return d; }

    private static byte* NativeString(string s)
    {
        byte[] b = Encoding.UTF8.GetBytes(s);
        byte* p = (byte*)NativeMemory.Alloc((nuint)b.Length + 1);
        b.CopyTo(new Span<byte>(p, b.Length));
        p[b.Length] = 0;
        return p;
    }

    private static string[] SplitCsv(string? s) =>
        string.IsNullOrWhiteSpace(s) ? [] : s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// Opens the dictionary in <paramref name="directory"/>, or, when null, the first one found by
    /// <see cref="DictionaryLocator.Locate"/>. <paramref name="userDictionaries"/> (compiled with mecab-dict-index -u)
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

/// <summary>Reads mecab's rc files: <c>key = value</c> lines, <c>;</c> and <c>#</c> comments.</summary>
internal static class RcFile
{
    public static Dictionary<string, string> Read(string path)
    {
        string[] lines;
        try { lines = File.ReadAllLines(path, Encoding.UTF8); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DictionaryFormatException(path, "cannot read: " + e.Message, e);
        }
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string raw in lines)
        {
            string line = raw.Trim();
            if (line.Length == 0 || line[0] == ';' || line[0] == '#') continue;
            int eq = line.IndexOf('=');
            if (eq <= 0) continue;
            d[line[..eq].Trim()] = line[(eq + 1)..].Trim();
        }
        return d;
    }
}
