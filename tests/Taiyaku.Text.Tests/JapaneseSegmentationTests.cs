using Taiyaku.Text;

namespace Taiyaku.Text.Tests;

public class JapaneseSegmentationTests
{
    private static string[] Sentences(string text) =>
        new SentenceSegmenter().SegmentJapanese(text).Sentences.Select(s => s.Text).ToArray();

    [Fact]
    public void Splits_after_sentence_endings() =>
        Assert.Equal(["雨が降った。", "本当か？", "本当だ！", "半角でも?", "そうだ｡"], Sentences("雨が降った。本当か？本当だ！半角でも?そうだ｡"));

    [Fact]
    public void Closing_brackets_stay_with_their_sentence() =>
        Assert.Equal(["彼は来た（と思う。）", "次の文。"], Sentences("彼は来た（と思う。）次の文。"));

    [Fact]
    public void Quote_that_ends_the_sentence_stays_whole() =>
        Assert.Equal(["「立って、町に行き、呼ばわれ。彼らの悪が上ってきたからである」。", "しかし彼は逃げた。"],
            Sentences("「立って、町に行き、呼ばわれ。彼らの悪が上ってきたからである」。しかし彼は逃げた。"));

    [Fact]
    public void Quote_ending_in_a_full_stop_ends_the_sentence() =>
        Assert.Equal(["「はい。」", "彼は帰った。"], Sentences("「はい。」彼は帰った。"));

    [Fact]
    public void Reported_speech_is_part_of_the_sentence() =>
        Assert.Equal(["「はい。」と彼は言った。"], Sentences("「はい。」と彼は言った。"));

    [Fact]
    public void Speaker_labels_stay_with_their_sentence() =>
        Assert.Equal(["（総理）第一に、減税を決断した。", "(本大臣) 大切である。"], Sentences("（総理）第一に、減税を決断した。(本大臣) 大切である。"));

    // Three short lines cannot show a wrap width, so the caller says the text is wrapped.
    [Fact]
    public void Wrapped_lines_are_joined_without_a_space() =>
        Assert.Equal(["日本の水墨画を一変させた。", "備中国に生まれた。"],
            new SentenceSegmenter(new SegmenterOptions { LineBreaks = LineBreaks.Wrap }).SegmentJapanese("日本の水墨画を一\n変させた。備中国に\r\n生まれた。").Sentences.Select(s => s.Text));

    [Fact]
    public void Blank_line_ends_a_paragraph() =>
        Assert.Equal(["見出し", "本文である。"], Sentences("見出し\n\n本文である。"));

    [Fact]
    public void Stray_bracket_does_not_swallow_the_paragraph() =>
        Assert.Equal(["「閉じない引用。", "次の文。"], Sentences("「閉じない引用。次の文。"));

    [Fact]
    public void Sentence_broken_by_page_stamps_is_rejoined()
    {
        const string text = """
            一つ目の段落である。スタンプの間で切れる文は長くなければならないので、ここで十分な長さにしておく必要がある人がい

            **秘密指定解除**
            外交記録・情報公開室

            るが、これは正しくない。

            二つ目の段落である。

            秘密指定解除
            外交記録・情報公開室

            三つ目の段落である。
            """;
        var doc = new SentenceSegmenter().SegmentJapanese(text);
        Assert.Equal([
            "一つ目の段落である。",
            "スタンプの間で切れる文は長くなければならないので、ここで十分な長さにしておく必要がある人がいるが、これは正しくない。",
            "二つ目の段落である。",
            "三つ目の段落である。"], doc.Sentences.Select(s => s.Text));
        var furniture = doc.Segments.Where(s => s.Kind == SegmentKind.Furniture).Select(s => s.Text).ToArray();
        Assert.Equal(["**秘密指定解除**", "外交記録・情報公開室", "秘密指定解除", "外交記録・情報公開室"], furniture);
        // The rejoined sentence keeps both of its pieces' positions in the original text.
        var broken = doc.Sentences[1];
        Assert.Equal(2, broken.Ranges.Count);
        Assert.StartsWith("スタンプ", text[broken.Ranges[0].Start..]);
        Assert.StartsWith("るが", text[broken.Ranges[1].Start..]);
    }

    [Fact]
    public void Page_numbers_are_furniture()
    {
        var doc = new SentenceSegmenter().SegmentJapanese("本文である。\n\n- 12 -\n\n次の文。\n");
        Assert.Equal(["本文である。", "次の文。"], doc.Sentences.Select(s => s.Text));
        Assert.Equal("- 12 -", Assert.Single(doc.Segments, s => s.Kind == SegmentKind.Furniture).Text);
    }
}
