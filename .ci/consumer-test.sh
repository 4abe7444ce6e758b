#!/usr/bin/env bash
# Consumer test: pack every package, then use the packages and the tool as a user would, from a temporary folder feed
# (plus the package registry `dotnet restore` uses on this machine, for third-party packages only). Prints PASS/FAIL
# lines; exits non-zero on the first failure. Usage: .ci/consumer-test.sh [--keep] (--keep leaves the temporary folder).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
locale -a 2>/dev/null | grep -q -i '^c\.utf-\?8$' && export LC_ALL=C.UTF-8
tmp=$(mktemp -d "${TMPDIR:-/tmp}/taiyaku-consumer.XXXXXX")
if [ "${1:-}" = "--keep" ]; then echo "consumer-test: keeping $tmp"; else trap 'rm -rf "$tmp"' EXIT; fi
fail() { echo "consumer-test: FAIL: $*"; exit 1; }
pass() { echo "consumer-test: PASS: $*"; }
started=$SECONDS

# 1. Pack, as a user of the repository would: `dotnet pack -c Release -o DIR` at the root, warnings as errors.
version=$(cd "$root" && dotnet msbuild src/Taiyaku.Alignment/Taiyaku.Alignment.csproj -getProperty:Version -nologo | tail -1)
echo "consumer-test: packing $version into $tmp/feed"
(cd "$root" && dotnet pack -c Release -o "$tmp/feed" -warnaserror -nologo) >"$tmp/pack.log" 2>&1 \
  || { cat "$tmp/pack.log"; fail "dotnet pack -c Release -warnaserror"; }
grep -h 'no SourceLink' "$tmp/pack.log" | head -1 | sed 's/^ */consumer-test: note: /' || true
# The tool is three packages: Taiyaku.Cli points to one per platform, ReadyToRun for linux-x64 and portable for the rest.
packages="Taiyaku.Alignment Taiyaku.Text Taiyaku.Japanese Taiyaku.Japanese.Dictionary Taiyaku.Japanese.Ipadic
          Taiyaku.Features Taiyaku.Edict Taiyaku.Pipeline Taiyaku.Formats Taiyaku.Evaluation Taiyaku.Cli
          Taiyaku.Cli.linux-x64 Taiyaku.Cli.any Taiyaku"
for p in $packages; do
  nupkg="$tmp/feed/$p.$version.nupkg"
  [ -f "$nupkg" ] || fail "package $p.$version.nupkg missing"
  # The Taiyaku package has no code (it is its dependencies), nor has the tool's pointer package: no symbols.
  [ "$p" = Taiyaku ] || [ "$p" = Taiyaku.Cli ] || [ -f "$tmp/feed/$p.$version.snupkg" ] || fail "symbols $p.$version.snupkg missing"
  nuspec=$(unzip -p "$nupkg" "$p.nuspec")
  for field in '<description>' '<license ' '<readme>README.md' '<repository ' '<tags>' '<projectUrl>'; do
    grep -q -F "$field" <<<"$nuspec" || fail "$p: the nuspec lacks $field"
  done
  printf 'consumer-test: %-28s %9s KB  (symbols %s KB)\n' "$p" \
    "$(( $(stat -c %s "$nupkg") / 1024 ))" "$(( $(stat -c %s "$tmp/feed/$p.$version.snupkg" 2>/dev/null || echo 0) / 1024 ))"
done
extra=$(cd "$tmp/feed" && ls | grep -v -E "^($(tr -s ' \n' '|' <<<"$packages" | sed 's/^|//; s/|$//'))\.$version\.s?nupkg$" || true)
[ -z "$extra" ] || fail "unexpected packages in the feed: $extra"
has() { local files; files=$(unzip -Z1 "$tmp/feed/$1.$version.nupkg"); grep -q -x -F "$2" <<<"$files" || fail "$1 lacks $2"; }
has Taiyaku.Japanese.Ipadic LICENSE.txt; has Taiyaku.Japanese.Ipadic COPYING; has Taiyaku.Japanese.Ipadic dic/ipadic/sys.dic
has Taiyaku.Edict LICENSE-EDICT.txt
for rid in linux-x64 any; do
  has Taiyaku.Cli.$rid LICENSE.txt; has Taiyaku.Cli.$rid LICENSE-EDICT.txt; has Taiyaku.Cli.$rid tools/net10.0/$rid/dic/ipadic/COPYING
  unzip -p "$tmp/feed/Taiyaku.Cli.$rid.$version.nupkg" LICENSE.txt | grep -q -F "compiled (tools/net10.0/$rid/dic/ipadic/)" \
    || fail "Taiyaku.Cli.$rid: LICENSE.txt does not name the package's own IPADIC folder"
done
has Taiyaku.Cli LICENSE.txt
unzip -p "$tmp/feed/Taiyaku.Cli.$version.nupkg" Taiyaku.Cli.nuspec | grep -q 'packageType name="DotnetTool"' || fail "Taiyaku.Cli is not a tool package"
# ReadyToRun code makes the platform's assemblies more than half as large again as the portable IL (2.4 times here).
size() { unzip -Z -l "$tmp/feed/Taiyaku.Cli.$1.$version.nupkg" "tools/net10.0/$1/Taiyaku.Alignment.dll" | awk 'NR == 1 {print $4}'; }
r2r=$(size linux-x64); il=$(size any)
[ "$r2r" -gt $((3 * il / 2)) ] || fail "Taiyaku.Alignment.dll in the linux-x64 tool package ($r2r bytes) is not ReadyToRun (portable: $il bytes)"
pass "dotnet pack: 14 packages, symbols for those with code, licence notices in the Ipadic, Edict and Cli packages, ReadyToRun for linux-x64"

# 2. A console project outside the repository: Consumer.csproj.template, and a Program.cs made of every C# block of
#    the README's "## Library" section word for word: their using directives first, then each block in a scope of its
#    own, a marker line between blocks. The first block reads samples/cable-1468.txt; the fit example reads the
#    hand-segmented cable (samples/cable-1468.{ja,en,gold}).
app="$tmp/app"
mkdir -p "$app/samples"
sed "s/@VERSION@/$version/g" "$root/tests/Consumer/Consumer.csproj.template" > "$app/Consumer.csproj"
awk '/^## /{lib=($0 ~ /^## Library/)} lib && /^```csharp/{inblock=1; n++; next} inblock && /^```/{inblock=0; next}
     inblock { if ($0 ~ /^using [A-Za-z][A-Za-z0-9_.]*;$/) { if (!seen[$0]++) usings = usings $0 "\n" } else body[n] = body[n] $0 "\n" }
     END { printf "%s\n", usings; for (i = 1; i <= n; i++) { if (i > 1) printf "Console.WriteLine(\"== block %d\");\n", i; printf "{\n%s}\n", body[i] } }' \
  "$root/README.md" > "$app/Program.cs"
blocks=$(grep -c '^Console.WriteLine("== block' "$app/Program.cs" || true)
[ -s "$app/Program.cs" ] && [ "$blocks" -ge 5 ] || fail "the README's Library section should hold six C# blocks (found $((blocks + 1)))"
cp "$root/samples/cable-1468.txt" "$root/samples/cable-1468.ja" "$root/samples/cable-1468.en" "$root/samples/cable-1468.gold" "$app/samples/"
# Empty Directory.Build.* files stop MSBuild from importing any found in the folders above the temporary one.
for f in Directory.Build.props Directory.Build.targets Directory.Packages.props; do echo '<Project />' > "$app/$f"; done
# Sources: the feed for Taiyaku.*, and for everything else the registries this machine's own NuGet configuration
# enables (read outside the repository: user and machine level only), nothing else.
registries=$(cd "$tmp" && dotnet nuget list source --format short | awk '$1 == "E" {print $2}')
[ -n "$registries" ] || fail "no enabled package source in this machine's NuGet configuration"
{
  echo '<?xml version="1.0" encoding="utf-8"?>'
  echo '<configuration>'
  echo '  <packageSources>'
  echo '    <clear />'
  echo "    <add key=\"taiyaku-feed\" value=\"$tmp/feed\" />"
  i=0; for r in $registries; do i=$((i + 1)); echo "    <add key=\"registry$i\" value=\"$r\" />"; done
  echo '  </packageSources>'
  echo '  <packageSourceMapping>'
  echo '    <packageSource key="taiyaku-feed"><package pattern="Taiyaku" /><package pattern="Taiyaku.*" /></packageSource>'
  i=0; for r in $registries; do i=$((i + 1)); echo "    <packageSource key=\"registry$i\"><package pattern=\"*\" /></packageSource>"; done
  echo '  </packageSourceMapping>'
  # A private package cache: a Taiyaku package of the same version from an earlier run must not be reused.
  echo "  <config><add key=\"globalPackagesFolder\" value=\"$tmp/packages\" /></config>"
  echo '</configuration>'
} > "$app/nuget.config"
echo "consumer-test: sources: $tmp/feed (Taiyaku.*), $(tr '\n' ' ' <<<"$registries")(everything else)"
(cd "$app" && dotnet build -c Release -nologo) >"$tmp/build.log" 2>&1 \
  || { cat "$tmp/build.log"; fail "the README library example does not build against the packages"; }
grep -q -F "$tmp/feed" "$tmp/packages/taiyaku.pipeline/$version/.nupkg.metadata" 2>/dev/null \
  || fail "Taiyaku.Pipeline was not restored from the feed"
[ -f "$app/bin/Release/net10.0/dic/ipadic/sys.dic" ] || fail "the Ipadic package did not copy dic/ipadic/ to the output"
(cd "$app" && dotnet bin/Release/net10.0/Consumer.dll >"$tmp/out.all" 2>"$tmp/run.err") \
  || { cat "$tmp/run.err"; fail "the README library examples failed to run"; }
# The first block's output is the TSV of the cable; the others print lines starting with "example:" (and TSV rows).
sed '/^== block 2$/,$d' "$tmp/out.all" > "$tmp/out.tsv"
for what in "core: 1-1 1-1 1-2" "glossary: 1 link" "fit and evaluate:" "tokenize: 減税 減税 ゲンゼイ"; do
  grep -q -F "example: $what" "$tmp/out.all" || { cat "$tmp/out.all" | grep -v $'\t' | head -20; fail "the README's library examples did not print \"example: $what…\""; }
done
[ "$(sed -n '/^== block 2$/,/^== block 3$/p' "$tmp/out.all" | grep -c $'\t')" -eq 2 ] || fail "the README's segmented example did not write two TSV rows"
pass "the README's other library examples ran: $(grep '^example: \(core\|glossary\|fit\)' "$tmp/out.all" | tr '\n' ';' | sed 's/;$//')"
pairs=$(wc -l < "$tmp/out.tsv")
[ "$pairs" -gt 50 ] || fail "the README library example printed $pairs pairs, expected more than 50"
known_en='Among our American friends, there are those who argue'
grep -q -F "$known_en" "$tmp/out.tsv" || fail "the README library example's output lacks the known pair \"$known_en…\""
pair=$(grep -F "$known_en" "$tmp/out.tsv" | head -1)
[ -n "$(cut -f1 <<<"$pair")" ] || fail "the known English sentence is not paired with Japanese"
pass "the README library example, built from the feed, aligned the cable into $pairs pairs"
show() { # first characters of each column of a TSV line (bash counts characters, not bytes, in a UTF-8 locale)
  local IFS=$'\t' cols c out=""; read -r -a cols <<<"$1"
  for c in "${cols[@]}"; do [ ${#c} -le 48 ] || c="${c:0:47}…"; out+="${out:+ | }$c"; done
  echo "consumer-test:   $out"
}
while IFS= read -r line; do show "$line"; done < <(head -3 "$tmp/out.tsv")
echo "consumer-test:   …"
show "$pair"

# 3. The tool, installed from the same feed.
dotnet tool install --tool-path "$tmp/tools" --configfile "$app/nuget.config" Taiyaku.Cli --version "$version" \
  >"$tmp/tool.log" 2>&1 || { cat "$tmp/tool.log"; fail "dotnet tool install Taiyaku.Cli"; }
[ -x "$tmp/tools/taiyaku" ] || fail "the tool installed no 'taiyaku' command"
if [ "$(uname -s)-$(uname -m)" = Linux-x86_64 ]; then
  [ -d "$tmp/tools/.store/taiyaku.cli/$version/taiyaku.cli.linux-x64" ] || fail "dotnet tool install did not choose the linux-x64 package"
fi
(cd "$root" && "$tmp/tools/taiyaku" align --bilingual samples/cable-1468.txt --format tsv) >"$tmp/tool.tsv" 2>"$tmp/tool.err" \
  || { cat "$tmp/tool.err"; fail "taiyaku align --bilingual samples/cable-1468.txt --format tsv"; }
rows=$(awk -F'\t' '$1 != "" && $2 != ""' "$tmp/tool.tsv" | wc -l)
[ "$rows" -gt 50 ] || fail "taiyaku align wrote $rows pairs, expected more than 50"
grep -q -F "$known_en" "$tmp/tool.tsv" || fail "the tool's output lacks the known pair"
pass "the taiyaku tool from the feed aligned the cable: $rows pairs, $(wc -l < "$tmp/tool.tsv") rows in all"
echo "consumer-test: PASS: all checks ($((SECONDS - started)) s)"
