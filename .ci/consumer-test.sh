#!/usr/bin/env bash
# Consumer test: pack, then use the packages and the tool as a user would, from a local feed only (plus the public
# registry for third-party dependencies). Prints PASS/FAIL lines; exits non-zero on failure.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "consumer-test: FAIL: $*"; exit 1; }

version=$(dotnet msbuild "$root/src/Taiyaku.Alignment/Taiyaku.Alignment.csproj" -getProperty:Version -nologo | tail -1)
echo "consumer-test: packing $version"
dotnet pack "$root/Alignment.sln" -c Release -o "$tmp/feed" -nologo -v q >"$tmp/pack.log" 2>&1 || { cat "$tmp/pack.log"; fail "dotnet pack"; }
for p in Taiyaku.Alignment Taiyaku.Text Taiyaku.Japanese Taiyaku.Japanese.Dictionary Taiyaku.Japanese.Ipadic \
         Taiyaku.Features Taiyaku.Edict Taiyaku.Pipeline Taiyaku.Formats Taiyaku.Evaluation taiyaku; do
  [ -f "$tmp/feed/$p.$version.nupkg" ] || fail "package $p.$version.nupkg missing"
  [ -f "$tmp/feed/$p.$version.snupkg" ] || fail "symbols $p.$version.snupkg missing"
  printf 'consumer-test: %-28s %8d KB\n' "$p" $(( $(stat -c %s "$tmp/feed/$p.$version.nupkg") / 1024 ))
done

# A project outside the repository; its Program.cs is the README's library example, word for word.
app="$tmp/app"
mkdir -p "$app"
sed "s/@VERSION@/$version/" "$root/tests/Consumer/Consumer.csproj.template" > "$app/Consumer.csproj"
awk '/^## Library/{lib=1} lib && /^```csharp/{inblock=1; next} inblock && /^```/{exit} inblock{print}' "$root/README.md" > "$app/Program.cs"
[ -s "$app/Program.cs" ] || fail "no C# block found in the README's Library section"
cat > "$app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$tmp/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local"><package pattern="Taiyaku.*" /><package pattern="taiyaku" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
  <config><add key="globalPackagesFolder" value="$tmp/packages" /></config>
</configuration>
XML
mkdir -p "$app/samples" && cp "$root/samples/cable-1468.txt" "$app/samples/"
(cd "$app" && dotnet build -c Release -nologo -v q >"$tmp/build.log" 2>&1) || { cat "$tmp/build.log"; fail "the README example does not build against the packages"; }
(cd "$app" && dotnet bin/Release/net10.0/Consumer.dll >"$tmp/out.tsv") || fail "the README example failed to run"
pairs=$(wc -l < "$tmp/out.tsv")
[ "$pairs" -ge 50 ] || fail "the README example printed $pairs pairs, expected at least 50"
grep -q $'Among our American friends, there are those who argue' "$tmp/out.tsv" || fail "a known pair of the cable is missing"
echo "consumer-test: PASS: the README library example, built from the feed, aligned the cable into $pairs pairs"
head -3 "$tmp/out.tsv" | cut -c1-160 | sed 's/^/consumer-test:   /'

# The tool, installed from the same feed.
dotnet tool install --tool-path "$tmp/tools" --configfile "$app/nuget.config" taiyaku --version "$version" >"$tmp/tool.log" 2>&1 \
  || { cat "$tmp/tool.log"; fail "dotnet tool install"; }
"$tmp/tools/taiyaku" align --bilingual "$root/samples/cable-1468.txt" --format tsv > "$tmp/tool.tsv" || fail "taiyaku align"
grep -q 'Among our American friends, there are those who argue' "$tmp/tool.tsv" || fail "the tool's output lacks a known pair"
echo "consumer-test: PASS: the taiyaku tool from the feed aligned the cable ($(wc -l < "$tmp/tool.tsv") rows)"
