namespace Taiyaku.Formats;

/// <summary>One side of an alignment: the source (the Japanese original by default) or the target (its translation).</summary>
public enum AlignmentSide
{
    /// <summary>The source text (<see cref="AlignmentWriterOptions.SourceLanguage"/>).</summary>
    Source,
    /// <summary>The target text (<see cref="AlignmentWriterOptions.TargetLanguage"/>).</summary>
    Target,
}
