using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Taiyaku.Japanese.Dictionary;

// The build-time host of the IPADIC compilation (src/Taiyaku.Japanese.Ipadic runs it on Debian's archive before the
// tool exists: the tool itself depends on IPADIC). Users compile dictionaries with `taiyaku dict --system` and
// `taiyaku dict --user`, which call the same DictionaryCompiler.
// Usage:
//   system SOURCE_DIR_OR_TAR_GZ OUTPUT_DIR [--subdir PATH] [--from ENC] [--to ENC] [--files a.csv,b.csv] [--with-defs true]
Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
try
{
    if (args.Length < 3) return Usage();
    var opts = ParseOptions(args.Skip(3).ToArray());
    var sw = Stopwatch.StartNew();
    switch (args[0])
    {
        case "system":
        {
            var source = args[1];
            string? extracted = null;
            IReadOnlyList<string>? lexiconFiles = opts.TryGetValue("files", out var files) ? files.Split(',') : null;
            if (source.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) || source.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase))
            {
                extracted = Path.Combine(Path.GetTempPath(), "taiyaku-dic-" + Guid.NewGuid().ToString("N"));
                var sub = opts.TryGetValue("subdir", out var s) ? s.Trim('/') : "";
                var archiveOrder = Extract(source, extracted, sub);
                source = Path.Combine(extracted, sub);
                // CSVs are read in archive order: that is the order mecab-dict-index sees when the package is
                // unpacked onto a file system that lists files in creation order, and it decides homograph order.
                lexiconFiles ??= archiveOrder;
            }

            try
            {
                var result = DictionaryCompiler.CompileSystem(source, args[2], new DictionaryCompileOptions
                {
                    SourceEncoding = opts.TryGetValue("from", out var f) ? Encoding.GetEncoding(f) : null,
                    OutputEncoding = opts.TryGetValue("to", out var t) ? Encoding.GetEncoding(t) : null,
                    OutputCharsetName = t,
                    LexiconFiles = lexiconFiles,
                    CopyDefinitionFiles = opts.TryGetValue("with-defs", out var defs) && bool.Parse(defs),
                });
                Report(result, sw);
            }
            finally
            {
                if (extracted is not null) Directory.Delete(extracted, recursive: true);
            }

            return 0;
        }

        default:
            return Usage();
    }
}
catch (DictionaryCompileException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}

// Extracts a .tar.gz; returns the names of the .csv files directly under SUBDIR, in archive order.
static List<string> Extract(string archive, string destination, string subdir)
{
    var csvs = new List<string>();
    using var gz = new GZipStream(File.OpenRead(archive), CompressionMode.Decompress);
    using var tar = new TarReader(gz);
    var root = Path.GetFullPath(destination);
    while (tar.GetNextEntry() is { } entry)
    {
        var name = entry.Name.Replace('\\', '/');
        while (name.StartsWith("./", StringComparison.Ordinal)) name = name[2..];
        if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || name.Length == 0) continue;
        var target = Path.GetFullPath(Path.Combine(root, name));
        if (!target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) throw new InvalidDataException($"unsafe path in archive: {entry.Name}");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        entry.ExtractToFile(target, overwrite: true);
        var dir = Path.GetDirectoryName(name)?.Replace('\\', '/') ?? "";
        if (dir == subdir && name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) csvs.Add(Path.GetFileName(name));
    }

    return csvs;
}

static void Report(DictionaryCompileResult result, Stopwatch sw)
{
    foreach (var w in result.Warnings) Console.Error.WriteLine($"warning: {w}");
    Console.WriteLine($"compiled {result.EntryCount} entries in {sw.Elapsed.TotalSeconds:F2} s");
}

static Dictionary<string, string> ParseOptions(string[] rest)
{
    var d = new Dictionary<string, string>();
    for (var i = 0; i + 1 < rest.Length; i += 2)
    {
        if (!rest[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unexpected argument {rest[i]}");
        d[rest[i][2..]] = rest[i + 1];
    }

    return d;
}

static int Usage()
{
    Console.Error.WriteLine("usage: system SOURCE_DIR|SOURCES.tar.gz OUTPUT_DIR [--subdir PATH] [--from ENC] [--to ENC] [--files a.csv,b.csv] [--with-defs true]");
    Console.Error.WriteLine("(the build's IPADIC step; to compile a dictionary, run 'taiyaku dict --system' or 'taiyaku dict --user')");
    return 2;
}
