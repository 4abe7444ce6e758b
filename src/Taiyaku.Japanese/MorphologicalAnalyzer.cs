using System.Collections.Concurrent;
using System.Text;

namespace Taiyaku.Japanese;

/// <summary>
/// The simple, thread-safe API: <see cref="Analyze"/> returns a list of <see cref="Morpheme"/> objects. It keeps a
/// pool of <see cref="AnalyzerSession"/> objects; for hot loops use a session directly.
/// </summary>
public sealed class MorphologicalAnalyzer : IDisposable
{
    private readonly ConcurrentBag<AnalyzerSession> _sessions = new();
    private readonly bool _ownsDictionary;

    /// <summary>Creates an analyser over a dictionary that the caller keeps and disposes.</summary>
    public MorphologicalAnalyzer(MecabDictionary dictionary) : this(dictionary, ownsDictionary: false) { }

    private MorphologicalAnalyzer(MecabDictionary dictionary, bool ownsDictionary)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        Dictionary = dictionary;
        _ownsDictionary = ownsDictionary;
    }

    /// <summary>Opens a dictionary (see <see cref="MecabDictionary.Open"/>) owned by the new analyser.</summary>
    public static MorphologicalAnalyzer Open(string? dictionaryDirectory = null) =>
        new(MecabDictionary.Open(dictionaryDirectory), ownsDictionary: true);

    /// <summary>The dictionary in use.</summary>
    public MecabDictionary Dictionary { get; }

    /// <summary>Analyses <paramref name="text"/> as one sentence; offsets are UTF-16 offsets into it.</summary>
    public IReadOnlyList<Morpheme> Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var session = RentSession();
        try
        {
            var tokens = session.Analyze(text);
            var result = new Morpheme[tokens.Length];
            for (int i = 0; i < tokens.Length; i++) result[i] = session.ToMorpheme(tokens[i], text);
            return result;
        }
        finally
        {
            ReturnSession(session);
        }
    }

    /// <summary>
    /// A session of this analyser's pool, to read tokens without <see cref="Morpheme"/> objects on a hot path; give it
    /// back with <see cref="ReturnSession"/> and do not use it after (one thread at a time, as any session).
    /// </summary>
    public AnalyzerSession RentSession() => _sessions.TryTake(out var session) ? session : new AnalyzerSession(Dictionary);

    /// <summary>Gives back a session from <see cref="RentSession"/>.</summary>
    /// <exception cref="ArgumentException">The session is over another dictionary.</exception>
    public void ReturnSession(AnalyzerSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!ReferenceEquals(session.Dictionary, Dictionary))
            throw new ArgumentException("The session is over another dictionary than this analyser's.", nameof(session));
        _sessions.Add(session);
    }

    /// <summary>Disposes the dictionary when this analyser opened it.</summary>
    public void Dispose()
    {
        if (_ownsDictionary) Dictionary.Dispose();
    }
}
