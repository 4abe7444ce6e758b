namespace Taiyaku.Pipeline;

/// <summary>One anchor item of a sentence before it is packed into <see cref="Taiyaku.Alignment.SentenceAnchors"/>.</summary>
/// <remarks>
/// A document keeps several items a sentence until it is aligned (a million-sentence pair, about ten million), so an
/// item is a value in its sentence's array, not an object with a list of keys: the first key inline (most items have
/// one, many none), the rest in an array made only for them.
/// </remarks>
internal struct AnchorItem(double weight, string? word)
{
    private ulong _first;
    private ulong[]? _more;

    public readonly double Weight => weight;

    /// <summary>The word the translation model sees: a Japanese base form or an English stem; null for numbers and punctuation.</summary>
    public string? Word { readonly get; private set; } = word;

    /// <summary>How many keys: any one of them matches, and one item counts once however many of its keys match.</summary>
    public int KeyCount { readonly get; private set; }

    /// <summary>Key <paramref name="k"/>, of <see cref="KeyCount"/>.</summary>
    public readonly ulong Key(int k) => k == 0 ? _first : _more![k - 1];

    /// <summary>The keys, as a new array (for reading and tests; the packing reads <see cref="Key"/>).</summary>
    public readonly ulong[] Keys
    {
        get
        {
            var keys = new ulong[KeyCount];
            for (int k = 0; k < keys.Length; k++) keys[k] = Key(k);
            return keys;
        }
    }

    /// <summary>An item of one key.</summary>
    public static AnchorItem WithKey(double weight, string? word, ulong key)
    {
        var item = new AnchorItem(weight, word);
        item.AddKey(key);
        return item;
    }

    /// <summary>Adds a key.</summary>
    public void AddKey(ulong key)
    {
        if (KeyCount == 0) _first = key;
        else
        {
            if (_more == null || _more.Length < KeyCount) Array.Resize(ref _more, Math.Max(2, 2 * KeyCount));
            _more[KeyCount - 1] = key;
        }
        KeyCount++;
    }

    /// <summary>Takes the pool's copy of the word (the same words recur in every sentence).</summary>
    public void ShareWord(WordPool pool)
    {
        if (Word != null) Word = pool.Share(Word);
    }
}
