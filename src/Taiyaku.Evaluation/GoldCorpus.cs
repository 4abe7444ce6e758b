using Taiyaku.Formats;

namespace Taiyaku.Evaluation;

/// <summary>
/// Reads gold alignments: a folder of <c>NAME.ja</c> / <c>NAME.en</c> / <c>NAME.gold</c> triples (one sentence per
/// line; links in vecalign's format, <c>[0, 1]:[0]</c> per line), the layout of <c>../shared/corpora</c> and of
/// <c>taiyaku fit --corpus</c> and <c>eval --corpus</c>. Every sentence of both sides must be in exactly one gold link;
/// anything else is a <see cref="GoldFormatException"/> naming the file and line.
/// </summary>
public static class GoldCorpus
{
    /// <summary>Reads every triple of <paramref name="folder"/>, in ordinal order of name.</summary>
    /// <exception cref="DirectoryNotFoundException">No such folder.</exception>
    /// <exception cref="GoldFormatException">No .gold file, a missing side, text that cannot be decoded, or a bad link (file and line named).</exception>
    public static async Task<IReadOnlyList<GoldDocument>> LoadAsync(string folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"{folder}: no such folder");
        var golds = Directory.GetFiles(folder, "*.gold").Order(StringComparer.Ordinal).ToArray();
        if (golds.Length == 0) throw new GoldFormatException(folder, 0, "no .gold file in this folder");
        var documents = new List<GoldDocument>(golds.Length);
        foreach (var gold in golds)
        {
            var (ja, en) = SidesOf(gold);
            documents.Add(Parse(
                System.IO.Path.GetFileNameWithoutExtension(gold),
                await ReadSentencesAsync(ja, cancellationToken).ConfigureAwait(false),
                await ReadSentencesAsync(en, cancellationToken).ConfigureAwait(false),
                Decoded(gold, await File.ReadAllBytesAsync(gold, cancellationToken).ConfigureAwait(false), b => TextFiles.DecodeDocument(b, gold)),
                gold, ja, en));
        }
        return documents;
    }

    /// <summary>The Japanese and English files beside a gold file; a missing one is a <see cref="GoldFormatException"/>.</summary>
    public static (string Japanese, string English) SidesOf(string goldPath)
    {
        ArgumentNullException.ThrowIfNull(goldPath);
        string stem = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(goldPath) ?? "", System.IO.Path.GetFileNameWithoutExtension(goldPath));
        string ja = stem + ".ja", en = stem + ".en";
        if (!File.Exists(ja)) throw new GoldFormatException(goldPath, 0, $"has no Japanese side: {ja} is missing");
        if (!File.Exists(en)) throw new GoldFormatException(goldPath, 0, $"has no English side: {en} is missing");
        return (ja, en);
    }

    /// <summary>
    /// A gold document from its sentences and the text of its gold file, checked: every link parses, points inside
    /// the document and every sentence of both sides is in exactly one link. Blank lines of the gold text are skipped.
    /// </summary>
    /// <param name="name">The document's name (e.g. the file stem).</param>
    /// <param name="japanese">The Japanese sentences.</param>
    /// <param name="english">The English sentences.</param>
    /// <param name="goldText">The gold file's text.</param>
    /// <param name="goldPath">The gold file's name, for messages.</param>
    /// <param name="japanesePath">The Japanese file's name, for messages.</param>
    /// <param name="englishPath">The English file's name, for messages.</param>
    /// <exception cref="GoldFormatException">A link does not parse, points past the end of a side, repeats a sentence,
    /// or a sentence is in no link (the gold file and line are named).</exception>
    public static GoldDocument Parse(string name, IReadOnlyList<string> japanese, IReadOnlyList<string> english, string goldText,
        string goldPath, string japanesePath, string englishPath)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(japanese);
        ArgumentNullException.ThrowIfNull(english);
        ArgumentNullException.ThrowIfNull(goldText);
        ArgumentNullException.ThrowIfNull(goldPath);
        if (goldText.StartsWith('\uFEFF')) goldText = goldText[1..];
        var links = new List<(IndexLink Link, int Line)>();
        var lines = TextFiles.SplitLines(goldText);
        for (int k = 0; k < lines.Count; k++)
        {
            if (string.IsNullOrWhiteSpace(lines[k])) continue;
            if (!VecalignLinks.TryParseLine(lines[k], out var link, out var error)) throw new GoldFormatException(goldPath, k + 1, error);
            links.Add((link, k + 1));
        }
        Check(goldPath, links, japanesePath, japanese.Count, "Japanese", l => l.Source);
        Check(goldPath, links, englishPath, english.Count, "English", l => l.Target);
        return new GoldDocument(name, japanese, english, links.Select(l => l.Link).ToList());
    }

    private static async Task<IReadOnlyList<string>> ReadSentencesAsync(string path, CancellationToken ct)
    {
        var bytes = await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false);
        return Decoded(path, bytes, b => TextFiles.SplitLines(b, path));
    }

    private delegate T Decoder<T>(ReadOnlySpan<byte> bytes);

    /// <summary>Decodes, turning the decoder's <see cref="TextDataException"/> into a <see cref="GoldFormatException"/>.</summary>
    private static T Decoded<T>(string path, byte[] bytes, Decoder<T> decode)
    {
        try { return decode(bytes); }
        catch (TextDataException e) { throw new GoldFormatException(path, e.Line, e.Reason); }
    }

    /// <summary>Every sentence of one side in exactly one gold link.</summary>
    private static void Check(string gold, List<(IndexLink Link, int Line)> links, string side, int count, string language, Func<IndexLink, IReadOnlyList<int>> indices)
    {
        var lineOf = new int[count];   // 0: in no link yet
        foreach (var (link, line) in links)
        {
            foreach (int i in indices(link))
            {
                if (i >= count)
                    throw new GoldFormatException(gold, line, $"link {link} points past the end of {System.IO.Path.GetFileName(side)} ({count} lines)");
                if (lineOf[i] != 0)
                    throw new GoldFormatException(gold, line, $"{language} sentence {i} is already in the link on line {lineOf[i]}: every sentence must be in exactly one link");
                lineOf[i] = line;
            }
        }
        int missing = Array.IndexOf(lineOf, 0);
        if (missing >= 0)
            throw new GoldFormatException(gold, 0, $"{language} sentence {missing} (line {missing + 1} of {System.IO.Path.GetFileName(side)}) is in no link: every sentence must be in exactly one link (a sentence without a counterpart is a link with an empty side, e.g. [{missing}]:[])");
    }
}
