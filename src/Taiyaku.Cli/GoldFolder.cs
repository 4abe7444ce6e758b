using Taiyaku.Evaluation;

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
            var doc = new GoldDocument(Path.GetFileName(stem), InputFiles.ReadSentences(ja, ct), InputFiles.ReadSentences(en, ct), InputFiles.ReadLinks(gold));
            foreach (var l in doc.Gold)
                if (l.Source.Any(i => i >= doc.Japanese.Count) || l.Target.Any(j => j >= doc.English.Count))
                    throw InputException.In(gold, $"link {l} points past the end of {Path.GetFileName(ja)} ({doc.Japanese.Count} lines) or {Path.GetFileName(en)} ({doc.English.Count} lines)");
            documents.Add(doc);
        }
        return documents;
    }
}
