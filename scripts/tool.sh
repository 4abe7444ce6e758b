# Sourced by the evaluation scripts: sets `tool` to the taiyaku command to run, building this tree's Release CLI
# unless TAIYAKU names a built taiyaku.dll. Expects `root` (the repository) to be set.
if [ -z "${TAIYAKU:-}" ]; then
  dotnet build "$root/src/Taiyaku.Cli" -c Release -v q -nologo >/dev/null
  TAIYAKU="$root/src/Taiyaku.Cli/bin/Release/net10.0/taiyaku.dll"
fi
tool=(dotnet "$TAIYAKU")
