namespace Taiyaku.Alignment;

/// <summary>How the dynamic programme searches the (source × target) lattice.</summary>
public enum SearchMode
{
    /// <summary>
    /// A band around the length-scaled diagonal, widened and re-centred on the best path until that path stays clear
    /// of the band's edges. Time and memory grow linearly with document length.
    /// </summary>
    Banded,

    /// <summary>The whole lattice (time and memory n·m). Meant for tests and small documents.</summary>
    Full,
}
