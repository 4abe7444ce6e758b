using System.Text;

namespace Taiyaku.Japanese.Dictionary;

/// <summary>Options of <see cref="DictionaryCompiler.CompileSystem(string, string, DictionaryCompileOptions?, CancellationToken)"/>, mirroring mecab-dict-index's -f and -t.</summary>
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
    /// The charset name written into the compiled files' headers, as given (mecab-dict-index writes its <c>-t</c>
    /// argument unchanged, e.g. <c>euc-jp</c>). <see langword="null"/> means the canonical name of
    /// <see cref="OutputEncoding"/> (<c>UTF-8</c>, <c>EUC-JP</c>, <c>SHIFT-JIS</c>, ...). mecab reads the name
    /// case-insensitively.
    /// </summary>
    public string? OutputCharsetName { get; init; }

    /// <summary>
    /// The lexicon CSV files (absolute, or relative to the source folder), in the order their entries are read.
    /// <see langword="null"/> means every <c>*.csv</c> (case-insensitive extension, name of at least 5 characters)
    /// in the source folder in directory order, the order the file system lists them in (readdir on Unix), which is
    /// the order mecab-dict-index takes: a build from a folder then matches mecab-dict-index's build of the same
    /// folder. The order decides the order of homographs and of the feature pool; to be independent of the file
    /// system, list the files.
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
