namespace Taiyaku.Pipeline;

/// <summary>
/// The built-in punctuation anchors (<see cref="AnchorOptions.Punctuation"/>): one item each for a question mark, a
/// quotation mark and a parenthesis, whichever the sentence holds, in either script. Immutable and thread-safe.
/// </summary>
internal sealed class PunctuationAnchorSource(double weight) : IAnchorSource
{
    /// <summary>Log-odds bonus of a match (<see cref="AnchorOptions.PunctuationWeight"/>).</summary>
    public double Weight { get; } = weight;

    public void AddJapanese(string sentence, AnchorCollector anchors) => Add(sentence, anchors);

    public void AddEnglish(string sentence, AnchorCollector anchors) => Add(sentence, anchors);

    private void Add(string sentence, AnchorCollector anchors)
    {
        bool question = false, quote = false, paren = false;
        foreach (char c in sentence)
        {
            question |= c is '?' or '？';
            quote |= c is '「' or '『' or '"' or '“' or '”';
            paren |= c is '(' or '（';
        }
        if (question) Mark("?");
        if (quote) Mark("\"");
        if (paren) Mark("(");

        void Mark(string mark) => anchors.AddBuiltIn(AnchorItem.WithKey(Weight, null, AnchorKeys.Punctuation(mark)));
    }
}
