using System.Text;

namespace Taiyaku.Japanese.Dictionary;

/// <summary>Options of <see cref="DictionaryCompiler.CompileSystem"/>, mirroring mecab-dict-index's -f and -t.</summary>
public sealed class DictionaryCompileOptions
{
    /// <summary>
    /// Encoding of the source files (mecab-dict-index -f). <see langword="null"/> means the dicrc's
    /// <c>config-charset</c>, or UTF-8 when the dicrc names none.
    /// </summary>
    public Encoding? SourceEncoding { get; init; }

    /// <summary>Encoding of the compiled dictionary (mecab-dict-index -t). <see langword="null"/> means UTF-8.</summary>
    public Encoding? OutputEncoding { get; init; }

    /// <summary>
    /// The lexicon CSV files (absolute, or relative to the source folder), in the order their entries are read.
    /// <see langword="null"/> means every <c>*.csv</c>
    /// in the source folder in ordinal order of file name (mecab-dict-index takes directory order, which is not
    /// reproducible; the order only decides the order of homographs and of the feature pool).
    /// </summary>
    public IReadOnlyList<string>? LexiconFiles { get; init; }

    /// <summary>
    /// Also write <c>rewrite.def</c>, <c>left-id.def</c>, <c>right-id.def</c> and <c>pos-id.def</c>, re-encoded to
    /// the output charset, so that user dictionaries compiled against the output folder (here or with
    /// <c>mecab-dict-index -u</c>) get part-of-speech ids and can leave context ids to be derived (negative ids).
    /// mecab-dict-index does not copy them; mecab ignores them.
    /// </summary>
    public bool CopyDefinitionFiles { get; init; }
}

/// <summary>What a compilation produced.</summary>
/// <param name="EntryCount">Number of lexicon entries written.</param>
/// <param name="Warnings">Entries skipped the way mecab-dict-index skips them (e.g. an empty surface), with location.</param>
public sealed record DictionaryCompileResult(int EntryCount, IReadOnlyList<string> Warnings);
