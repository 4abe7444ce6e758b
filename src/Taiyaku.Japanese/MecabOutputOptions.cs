namespace Taiyaku.Japanese;

/// <summary>
/// mecab's output settings (<c>-O</c>, <c>-F</c>, <c>-U</c>, <c>-B</c>, <c>-E</c>, <c>-S</c>). A value left
/// <see langword="null"/> is taken from the dictionary's dicrc, as mecab does; an empty string is a value (so
/// <c>OutputFormatType = ""</c> turns off a dicrc's <c>output-format-type</c>, like <c>mecab -O ''</c>).
/// </summary>
public sealed class MecabOutputOptions
{
    /// <summary><c>-O</c>: <c>wakati</c>, <c>none</c>, <c>dump</c>, <c>em</c>, or NAME to use dicrc's <c>node-format-NAME</c> and friends.</summary>
    public string? OutputFormatType { get; init; }

    /// <summary><c>-F</c>: the format of a known word (dicrc <c>node-format</c>).</summary>
    public string? NodeFormat { get; init; }

    /// <summary><c>-U</c>: the format of an unknown word (dicrc <c>unk-format</c>).</summary>
    public string? UnknownFormat { get; init; }

    /// <summary><c>-B</c>: written before each sentence (dicrc <c>bos-format</c>).</summary>
    public string? BosFormat { get; init; }

    /// <summary><c>-E</c>: written after each sentence (dicrc <c>eos-format</c>).</summary>
    public string? EosFormat { get; init; }

    /// <summary><c>-S</c>: written after the last of N best results (dicrc <c>eon-format</c>).</summary>
    public string? EonFormat { get; init; }

    /// <summary>
    /// <c>-N</c>: write the N best analyses of each sentence (1 to 512; default 1), each in the output format, as
    /// mecab does (then the eon format, with a user-defined format).
    /// </summary>
    public int NBest { get; init; } = 1;

    /// <summary><c>-a</c>: write every morpheme of the lattice instead of the best path (ignored with <see cref="NBest"/> above 1).</summary>
    public bool AllMorphs { get; init; }

    /// <summary>
    /// <c>-p</c>: partial parsing. The input is blocks of lines ending with a line <c>EOS</c> (or an empty line),
    /// each line a piece of the sentence, optionally followed by a TAB and a feature pattern the piece must match
    /// as one morpheme (see <see cref="AnalyzerSession.AnalyzePartialUtf8"/>).
    /// </summary>
    public bool Partial { get; init; }

    /// <summary><c>-m</c>: compute marginal probabilities, which formats show with <c>%pP</c>, <c>%pA</c>, <c>%pB</c> (otherwise 0).</summary>
    public bool Marginal { get; init; }

    /// <summary><c>-t</c>: the temperature of the marginal probabilities (default 0.75, mecab's).</summary>
    public double Theta { get; init; } = 0.75;
}
