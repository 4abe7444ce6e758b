using System.CommandLine;
using Taiyaku.Formats;
using Taiyaku.Text;

namespace Taiyaku.Cli.Commands;

/// <summary><c>segment</c>: prints the sentences of a raw document, one per line.</summary>
internal sealed class SegmentCommand : CliCommand
{
    public override string Name => "segment";

    public override string Summary => "split a raw document into sentences, one per line";

    public override string Usage => "taiyaku segment --lang ja|en [--in FILE] [--out FILE] [options]";

    public override string About => """
        Prints the sentences of a raw document, one per line: the sentences 'taiyaku align' aligns, in order
        (line i is sentence i). Wrapped lines are joined, headings and list items stand alone, and page
        furniture (stamps, running heads, page numbers) is left out. How the lines were read (hard-wrapped,
        one paragraph per line, mixed) goes to stderr.
        """;

    public override string Notes => "Exit codes: 0 ok, 1 input or output error, 2 usage error, 128 + signal when interrupted.";

    public override void AddOptions(Command command)
    {
        command.Options.Add(Opt.Text("lang", "LANG", "the document's language", choices: ["ja", "en"], required: true));
        AlignerSetup.AddLineBreaks(command);
        command.Options.Add(Opt.Text("in", "FILE", "the document (default: stdin)"));
        command.Options.Add(Opt.Text("out", "FILE", "write here instead of stdout (UTF-8)"));
        InputDecoding.AddOptions(command);
    }

    public override Task<int> RunAsync(CommandLine cl, CliContext context)
    {
        string lang = cl.Value("lang")!;
        string? input = cl.Get("in");
        var decoding = InputDecoding.FromCommandLine(cl, context.StdErr);
        string text = input == null
            ? decoding.Decode(decoding.Limits.ReadAll(context.StdIn, "<stdin>", context.Cancellation), "<stdin>")
            : InputFiles.ReadDocument(input, context.Cancellation, decoding);
        var segmenter = new SentenceSegmenter(new SegmenterOptions { LineBreaks = AlignerSetup.ParseLineBreaks(cl) });
        var doc = lang == "ja" ? segmenter.SegmentJapanese(text, context.Cancellation) : segmenter.SegmentEnglish(text, context.Cancellation);
        context.StdErr.WriteLine($"taiyaku segment: {Describe(doc.Layout)}, {doc.Sentences.Count} sentences");
        OutputFile.Write(cl.Get("out"), context.StdOut, [input], s =>
        {
            using var w = new StreamWriter(s, TextFiles.StrictUtf8, 1 << 16, leaveOpen: true) { NewLine = "\n" };
            foreach (var sentence in doc.Sentences) w.WriteLine(sentence.Text.ReplaceLineEndings(" "));
        });
        return Task.FromResult(ExitCodes.Ok);
    }

    internal static string Describe(TextLayout layout) => layout switch
    {
        TextLayout.HardWrapped => "lines read as hard-wrapped text",
        TextLayout.Mixed => "lines read as mixed (some blocks hard-wrapped, others one paragraph per line)",
        _ => "lines read as one paragraph per line",
    };


}
