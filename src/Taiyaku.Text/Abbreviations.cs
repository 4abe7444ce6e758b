namespace Taiyaku.Text;

/// <summary>English abbreviations that ICU4N's suppression list lacks, and words that usually start a sentence.</summary>
internal static class Abbreviations
{
    // Titles before a name: never the end of a sentence.
    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "St.", "Mt.", "Gen.", "Gov.", "Sen.", "Rep.", "Lt.", "Col.", "Capt.", "Sgt.",
        "Rev.", "Hon.", "Messrs.", "Amb.", "Adm.", "Pres.", "Jr.", "Sr.", "Gen.", "Maj.", "Cmdr.", "Supt.", "Fr.",
    };

    // Followed by a number they never end a sentence; alone they may ("Did he agree? No.").
    private static readonly HashSet<string> NumberAbbreviations = new(StringComparer.Ordinal)
    {
        "No.", "Nos.", "no.", "nos.", "Vol.", "vol.", "Art.", "art.", "Fig.", "fig.", "p.", "pp.", "Ch.", "ch.", "Sec.", "sec.",
        "Para.", "para.", "Tel.", "Ref.", "Nr.", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.",
        "Oct.", "Nov.", "Dec.", "Eq.", "eq.", "Tab.", "Ex.", "ex.",
    };

    // Words that often start a sentence: after "U.S." or an initial they mean a new sentence ("in the U.S. The next").
    private static readonly HashSet<string> Starters = new(StringComparer.Ordinal)
    {
        "A", "An", "The", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those", "There", "Here",
        "In", "On", "At", "By", "For", "From", "With", "As", "But", "And", "Or", "So", "Then", "However", "After", "Before",
        "When", "While", "If", "Although", "Its", "His", "Her", "Their", "Our", "My", "Your", "No", "Not", "All", "Some",
        "Many", "Most", "One", "Both", "Each", "Every", "Other", "Such", "What", "Who", "Why", "How", "Where", "Which",
        "Today", "Later", "Also", "Since", "During", "Under", "Over", "To", "Of", "Nobody", "Nothing", "Thus", "Yet",
        "Still", "Now", "Once", "Until", "Because", "Meanwhile", "Instead", "Moreover", "Furthermore", "Yes", "Please",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TitleLookup = Titles.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NumberLookup = NumberAbbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsTitle(ReadOnlySpan<char> word) => TitleLookup.Contains(word);

    public static bool TakesNumber(ReadOnlySpan<char> word) => NumberLookup.Contains(word);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StarterLookup = Starters.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool StartsSentences(ReadOnlySpan<char> word) => StarterLookup.Contains(word);
}
