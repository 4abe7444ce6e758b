using System.Collections.Concurrent;

namespace Taiyaku.Pipeline;

/// <summary>
/// What the anchor extraction of one document shares across its sentences: one copy of each word (the analyser and
/// the stemmer make a new string for every occurrence), and the items already made for a morpheme or an English word
/// (the same words recur in every sentence: normalising, looking up and stemming them once). Thread-safe: a
/// document's sentences are analysed on several threads. The memo holds at most <see cref="MaxMemo"/> entries of each
/// kind, so that a document of words that never recur (noise, a long list of codes) keeps no more than that.
/// </summary>
internal sealed class WordPool
{
    /// <summary>Most morphemes, and most English words, remembered: real text's vocabulary covers nearly all its tokens well below this.</summary>
    internal const int MaxMemo = 1 << 16;

    private readonly ConcurrentDictionary<string, string> _words = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<MorphemeKey, AnchorItem?> _morphemes = new(MorphemeKey.Comparer.Instance);
    private readonly ConcurrentDictionary<MorphemeKey, AnchorItem?>.AlternateLookup<MorphemeKey.Span> _morphemesBySpan;
    private readonly ConcurrentDictionary<string, AnchorItem[]> _english = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AnchorItem[]>.AlternateLookup<ReadOnlySpan<char>> _englishBySpan;
    private int _morphemeCount, _englishCount;   // ConcurrentDictionary.Count takes every lock: counted here instead

    public WordPool()
    {
        _englishBySpan = _english.GetAlternateLookup<ReadOnlySpan<char>>();
        _morphemesBySpan = _morphemes.GetAlternateLookup<MorphemeKey.Span>();
    }

    public string Share(string word) => _words.GetOrAdd(word, word);

    /// <summary>The item remembered for a morpheme, looked up by its surface and its feature's bytes in the dictionary (no string made).</summary>
    public bool TryGetMorpheme(ReadOnlySpan<char> surface, ReadOnlySpan<byte> feature, out AnchorItem? item) =>
        _morphemesBySpan.TryGetValue(new MorphemeKey.Span(surface, feature), out item);

    public void AddMorpheme(ReadOnlySpan<char> surface, ReadOnlySpan<byte> feature, AnchorItem? item)
    {
        if (Volatile.Read(ref _morphemeCount) < MaxMemo && _morphemesBySpan.TryAdd(new MorphemeKey.Span(surface, feature), item))
            Interlocked.Increment(ref _morphemeCount);
    }

    /// <summary>The items remembered for an English word, looked up by its letters (no string made for a word seen before).</summary>
    public bool TryGetEnglish(ReadOnlySpan<char> word, out AnchorItem[]? items) => _englishBySpan.TryGetValue(word, out items);

    public void AddEnglish(string word, AnchorItem[] items)
    {
        if (Volatile.Read(ref _englishCount) < MaxMemo && _english.TryAdd(word, items)) Interlocked.Increment(ref _englishCount);
    }
}
