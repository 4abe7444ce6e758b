namespace Taiyaku.Formats;

/// <summary>What the self-describing formats (JSON, TMX) say about the two sides. Immutable; <see cref="Default"/> for Japanese to English.</summary>
public sealed record AlignmentWriterOptions
{
    /// <summary>The defaults: Japanese source, English target.</summary>
    public static AlignmentWriterOptions Default { get; } = new();

    /// <summary>BCP 47 tag of the source side; default <c>ja</c>.</summary>
    /// <exception cref="ArgumentException">Set to an empty or blank tag.</exception>
    public string SourceLanguage
    {
        get;
        init { ArgumentException.ThrowIfNullOrWhiteSpace(value); field = value; }
    } = "ja";

    /// <summary>BCP 47 tag of the target side; default <c>en</c>.</summary>
    /// <exception cref="ArgumentException">Set to an empty or blank tag.</exception>
    public string TargetLanguage
    {
        get;
        init { ArgumentException.ThrowIfNullOrWhiteSpace(value); field = value; }
    } = "en";
}
