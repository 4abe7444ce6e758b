namespace Taiyaku.Edict;

/// <summary>One sense of an EDICT entry: its tags (part of speech, field, usage notes) and its raw glosses.</summary>
internal sealed class EdictSense
{
    public List<string> PartsOfSpeech { get; } = [];

    public List<string> Tags { get; } = [];

    public List<string> Glosses { get; } = [];

    public bool IsUsuallyKana => Tags.Contains("uk");
}

/// <summary>One line of an EDICT1/EDICT2 file, parsed.</summary>
internal sealed class EdictEntry
{
    public required IReadOnlyList<string> Headwords { get; init; }

    /// <summary>Kana readings; empty when the headword itself is written in kana.</summary>
    public required IReadOnlyList<string> Readings { get; init; }

    public required IReadOnlyList<EdictSense> Senses { get; init; }

    /// <summary>The entry carries the (P) "common word" mark.</summary>
    public required bool IsPriority { get; init; }
}
