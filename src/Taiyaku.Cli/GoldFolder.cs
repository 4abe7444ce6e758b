using Taiyaku.Evaluation;
using Taiyaku.Formats;

namespace Taiyaku.Cli;

/// <summary>
/// Reads a folder of NAME.ja / NAME.en / NAME.gold triples within the input limits, checked as the library checks them
/// (<see cref="GoldCorpus.Parse"/>: every sentence in exactly one link; errors name the file and line).
/// </summary>
internal static class GoldFolder
{
    public static IReadOnlyList<GoldDocument> Read(string dir, CancellationToken ct)
    {
        if (!Directory.Exists(dir)) throw InputException.In(dir, File.Exists(dir) ? "is a file, not a folder" : "no such folder");
        var golds = Directory.GetFiles(dir, "*.gold").Order(StringComparer.Ordinal).ToArray();
        if (golds.Length == 0) throw InputException.In(dir, "no .gold file in this folder");
        var documents = new List<GoldDocument>();
        try
        {
            foreach (var gold in golds)
            {
                var (ja, en) = GoldCorpus.SidesOf(gold);
                string text;
                try { text = TextFiles.StrictUtf8.GetString(InputFiles.ReadBytes(gold, ct)); }
                catch (System.Text.DecoderFallbackException) { throw InputException.In(gold, "the file is not valid UTF-8"); }
                documents.Add(GoldCorpus.Parse(Path.GetFileNameWithoutExtension(gold), InputFiles.ReadSentences(ja, ct), InputFiles.ReadSentences(en, ct), text, gold, ja, en));
            }
        }
        catch (GoldFormatException e)
        {
            throw e.Line > 0 ? InputException.At(e.Path, e.Line, e.Reason) : InputException.In(e.Path, e.Reason);
        }
        return documents;
    }
}
