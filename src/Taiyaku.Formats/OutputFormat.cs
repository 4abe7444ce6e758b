namespace Taiyaku.Formats;

/// <summary>
/// The output formats of an alignment. Items that are not links (page furniture, metadata, the sides of a low-scored
/// link) appear in TSV with an empty cost, in JSON under <c>unaligned</c> and in TMX as single-variant units; vecalign
/// links hold only links.
/// </summary>
public enum OutputFormat
{
    /// <summary>vecalign links, one per line: <c>[0, 1]:[0]</c>.</summary>
    Links,
    /// <summary>Tab-separated: source text, target text, cost, score (or, for unaligned text, its kind). Tabs and line breaks inside a text become spaces.</summary>
    Tsv,
    /// <summary>
    /// One indented JSON object of the schema <see cref="AlignmentWriter.JsonSchema"/> (<c>docs/schema/alignment.schema.json</c>
    /// in the repository): the languages, the links with indices, texts, cost, score and offsets, then the unaligned text.
    /// </summary>
    Json,
    /// <summary>
    /// TMX 1.4b: one translation unit per link, with <c>x-links</c>, <c>x-cost</c> and <c>x-score</c> properties and each
    /// variant's offsets as <c>x-offsets</c>; a deletion, an insertion or text set apart is a unit with a single variant.
    /// </summary>
    Tmx,
}
