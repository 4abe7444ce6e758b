namespace Taiyaku.Japanese.Dictionary;

/// <summary>
/// Progress of a dictionary compilation: one source file read, with what it held. Reported once per lexicon CSV (in
/// the order reading ends, which with several files read in parallel need not be the order given), for
/// <c>unk.def</c> and for <c>matrix.def</c>.
/// </summary>
/// <param name="Path">The source file.</param>
/// <param name="Lines">Its lines.</param>
/// <param name="Entries">The entries it gave: lexicon entries (a CSV, <c>unk.def</c>) or connection costs (<c>matrix.def</c>).</param>
/// <param name="FilesRead">Source files read so far in this compilation, this one included.</param>
/// <param name="FileCount">Source files this compilation reads (its lexicon CSVs, <c>unk.def</c> and <c>matrix.def</c> when present).</param>
public readonly record struct DictionarySourceRead(string Path, int Lines, int Entries, int FilesRead, int FileCount);
