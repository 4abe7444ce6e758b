using System.Collections.Concurrent;

namespace Taiyaku.Pipeline;

/// <summary>
/// One copy of each anchor word of a document, shared by its items: the analyser and the stemmer make a new string
/// for every occurrence. Thread-safe: a document's sentences are analysed on several threads.
/// </summary>
internal sealed class WordPool
{
    private readonly ConcurrentDictionary<string, string> _words = new(StringComparer.Ordinal);

    public string Share(string word) => _words.GetOrAdd(word, word);
}
