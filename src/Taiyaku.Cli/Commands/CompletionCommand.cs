using System.CommandLine;

namespace Taiyaku.Cli.Commands;

/// <summary>
/// <c>completion</c>: prints the shell script that gives tab completion of commands, options and option values. The
/// script asks the tool itself (System.CommandLine's <c>[suggest:POSITION]</c> directive), so it never goes stale.
/// </summary>
internal sealed class CompletionCommand : CliCommand
{
    public override string Name => "completion";

    public override string Summary => "print a tab-completion script for bash, zsh or PowerShell";

    public override string Usage => "taiyaku completion --shell bash|zsh|pwsh";

    public override string About => """
        Prints a script that makes the shell complete taiyaku's commands, options and option values (formats,
        encodings, anchors…) with the Tab key. Enable it once:
          bash        echo 'source <(taiyaku completion --shell bash)' >> ~/.bashrc
          zsh         echo 'source <(taiyaku completion --shell zsh)' >> ~/.zshrc   (after compinit)
          PowerShell  taiyaku completion --shell pwsh >> $PROFILE
        The script calls 'taiyaku "[suggest:POSITION]" "COMMAND LINE"', which prints the candidates, one per line,
        and offers those that start with the word under the cursor.
        """;

    public override void AddOptions(Command command) =>
        command.Options.Add(Opt.Text("shell", "SHELL", "the shell", choices: ["bash", "zsh", "pwsh"], required: true));

    public override Task<int> RunAsync(CommandLine cl, CliContext context)
    {
        string script = cl.Value("shell") switch
        {
            "bash" => """
                # taiyaku tab completion for bash: source <(taiyaku completion --shell bash)
                _taiyaku_complete()
                {
                    local IFS=$'\n' c cur="${COMP_LINE:0:COMP_POINT}"
                    cur="${cur##* }"
                    COMPREPLY=()
                    # The tool also suggests names that merely contain the word: keep those that start with it.
                    for c in $(taiyaku "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null); do
                        [[ "$c" == "$cur"* ]] && COMPREPLY+=("$c")
                    done
                }
                complete -o default -F _taiyaku_complete taiyaku

                """,
            "zsh" => """
                # taiyaku tab completion for zsh: source <(taiyaku completion --shell zsh)
                _taiyaku_complete()
                {
                    local -a candidates
                    candidates=("${(@f)$(taiyaku "[suggest:${CURSOR}]" "${BUFFER}" 2>/dev/null)}")
                    compadd -- $candidates
                }
                compdef _taiyaku_complete taiyaku

                """,
            _ => """
                # taiyaku tab completion for PowerShell: taiyaku completion --shell pwsh >> $PROFILE
                Register-ArgumentCompleter -Native -CommandName taiyaku -ScriptBlock {
                    param($wordToComplete, $commandAst, $cursorPosition)
                    # The tool also suggests names that merely contain the word: keep those that start with it.
                    taiyaku "[suggest:$cursorPosition]" "$commandAst" 2>$null |
                        Where-Object { $_.StartsWith($wordToComplete, [System.StringComparison]::Ordinal) } | ForEach-Object {
                        [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
                    }
                }

                """,
        };
        using var w = new StreamWriter(context.StdOut, Formats.TextFiles.StrictUtf8, 1024, leaveOpen: true) { NewLine = "\n" };
        w.Write(script.ReplaceLineEndings("\n"));
        return Task.FromResult(ExitCodes.Ok);
    }
}
