using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Taiyaku.Japanese.Dictionary;

// The build step of the IPADIC package (src/Taiyaku.Japanese.Ipadic runs it before the taiyaku tool exists: the tool
// itself depends on IPADIC). It unpacks Debian's archive and hands the folder to DictionaryCompiler.CompileSystem,
// the compiler `taiyaku dict --system` runs, with the settings the package is built with: EUC-JP sources, UTF-8
// output, the definition files kept. Users compile dictionaries with `taiyaku dict`.
// Arguments (from the package's project file): ARCHIVE.tar.gz SUBDIR OUTPUT_DIR LEXICON_ORDER (a.csv,b.csv,…)
if (args.Length != 4)
{
    Console.Error.WriteLine("the IPADIC package's build step takes ARCHIVE.tar.gz SUBDIR OUTPUT_DIR LEXICON_ORDER; to compile a dictionary, run 'taiyaku dict'");
    return 2;
}
Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
string archive = args[0], subdir = args[1].Trim('/'), output = args[2];
string extracted = Path.Combine(Path.GetTempPath(), "taiyaku-ipadic-" + Guid.NewGuid().ToString("N"));
try
{
    Extract(archive, extracted);
    var result = DictionaryCompiler.CompileSystem(Path.Combine(extracted, subdir), output, new DictionaryCompileOptions
    {
        SourceEncoding = Encoding.GetEncoding("EUC-JP"),
        OutputEncoding = Encoding.UTF8,
        OutputCharsetName = "UTF-8",
        LexiconFiles = args[3].Split(','),
        CopyDefinitionFiles = true,
    });
    foreach (var w in result.Warnings) Console.Error.WriteLine($"warning: {w}");
    Console.WriteLine($"IPADIC: {result.EntryCount} entries compiled into {output}");
    return 0;
}
catch (Exception e) when (e is DictionaryCompileException or IOException or InvalidDataException)
{
    Console.Error.WriteLine($"error: {archive}: {e.Message}");
    return 1;
}
finally
{
    if (Directory.Exists(extracted)) Directory.Delete(extracted, recursive: true);
}

// Extracts a .tar.gz, refusing paths that leave the destination.
static void Extract(string archive, string destination)
{
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
    }
}
