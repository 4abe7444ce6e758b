using Taiyaku.Formats;

namespace Taiyaku.Evaluation;

/// <summary>A document pair with gold links, for fitting and evaluation.</summary>
/// <param name="Name">A name for messages (e.g. the file stem).</param>
/// <param name="Japanese">The Japanese sentences.</param>
/// <param name="English">The English sentences.</param>
/// <param name="Gold">The gold links (indices into the two lists).</param>
public sealed record GoldDocument(string Name, IReadOnlyList<string> Japanese, IReadOnlyList<string> English, IReadOnlyList<IndexLink> Gold)
{
    /// <summary>The same check for fitting and evaluating: at least one document, and every gold link inside its document.</summary>
    internal static void Validate(IReadOnlyList<GoldDocument> documents, string paramName, string task)
    {
        if (documents.Count == 0) throw new ArgumentException($"There is no document to {task}.", paramName);
        foreach (var d in documents)
        {
            ArgumentNullException.ThrowIfNull(d, paramName);
            foreach (var l in d.Gold)
            {
                if (l.Source.Any(i => i < 0 || i >= d.Japanese.Count) || l.Target.Any(j => j < 0 || j >= d.English.Count))
                    throw new ArgumentException($"{d.Name}: gold link {l} points outside the document ({d.Japanese.Count} Japanese, {d.English.Count} English sentences).", paramName);
            }
        }
    }
}
