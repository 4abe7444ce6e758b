// Compiles the text lexicon (edict-lexicon.tsv.gz) into the binary image that Taiyaku.Edict embeds; run by the build.
// Usage: Taiyaku.Edict.Compiler INPUT.tsv[.gz] OUTPUT.bin
using Taiyaku.Edict;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Taiyaku.Edict.Compiler INPUT.tsv[.gz] OUTPUT.bin");
    return 2;
}
try
{
    Dictionary<string, List<string>> entries;
    using (var input = File.OpenRead(args[0]))
        entries = LexiconTsv.Parse(LexiconTsv.ReadText(input), normalizeKey: null);   // the converter wrote NFKC keys
    byte[] image = LexiconImageWriter.Write(entries);
    string temp = args[1] + ".tmp";
    File.WriteAllBytes(temp, image);
    File.Move(temp, args[1], overwrite: true);
    Console.WriteLine($"{args[1]}: {entries.Count} keys, {image.Length} bytes");
    return 0;
}
catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"{args[0]}: {e.Message}");
    return 1;
}
