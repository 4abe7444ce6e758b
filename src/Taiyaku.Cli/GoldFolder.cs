using Taiyaku.Evaluation;
using Taiyaku.Formats;

namespace Taiyaku.Cli;

/// <summary>Reads a folder of NAME.ja / NAME.en / NAME.gold triples.</summary>
internal static class GoldFolder
{
    public static IReadOnlyList<GoldDocument> Read(string dir, CancellationToken ct)
    {
        if (!Directory.Exists(dir)) throw InputException.In(dir, File.Exists(dir) ? "is a file, not a folder" : "no such folder");
        var golds = Directory.GetFiles(dir, "*.gold").Order(StringComparer.Ordinal).ToArray();
        if (golds.Length == 0) throw InputException.In(dir, "no .gold file in this folder");
        var documents = new List<GoldDocument>();
        foreach (var gold in golds)
        {
            string stem = Path.Combine(Path.GetDirectoryName(gold)!, Path.GetFileNameWithoutExtension(gold));
            string ja = stem + ".ja", en = stem + ".en";
            if (!File.Exists(ja)) throw InputException.In(gold, $"has no Japanese side: {ja} is missing");
            if (!File.Exists(en)) throw InputException.In(gold, $"has no English side: {en} is missing");
            var links = InputFiles.ReadLinksWithLines(gold);
            var doc = new GoldDocument(Path.GetFileName(stem), InputFiles.ReadSentences(ja, ct), InputFiles.ReadSentences(en, ct), links.Select(l => l.Link).ToList());
            Check(gold, links, ja, doc.Japanese.Count, "Japanese", l => l.Source);
            Check(gold, links, en, doc.English.Count, "English", l => l.Target);
            documents.Add(doc);
        }
        return documents;
    }

    /// <summary>Every sentence of one side in exactly one gold link; the error names the gold file and line.</summary>
    private static void Check(string gold, IReadOnlyList<(IndexLink Link, int Line)> links, string side, int count, string language, Func<IndexLink, IReadOnlyList<int>> indices)
    {
        var lineOf = new int[count];   // 0: in no link yet
        foreach (var (link, line) in links)
        {
            foreach (int i in indices(link))
            {
                if (i >= count)
                    throw InputException.At(gold, line, $"link {link} points past the end of {Path.GetFileName(side)} ({count} lines)");
                if (lineOf[i] != 0)
                    throw InputException.At(gold, line, $"{language} sentence {i} is already in the link on line {lineOf[i]}: every sentence must be in exactly one link");
                lineOf[i] = line;
            }
        }
        int missing = Array.IndexOf(lineOf, 0);
        if (missing >= 0)
            throw InputException.In(gold, $"{language} sentence {missing} (line {missing + 1} of {Path.GetFileName(side)}) is in no link: every sentence must be in exactly one link (a sentence without a counterpart is a link with an empty side, e.g. [{missing}]:[])");
    }
}
