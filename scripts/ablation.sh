#!/usr/bin/env bash
# Ablation of the lexical anchors (and line shapes) on the shared corpora: no anchors, each kind alone, all but one, and all; every run
# with the same parameters (default: the built-in ones; pass --params FILE for others).
# Usage: scripts/ablation.sh [--params FILE]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$root/../shared}
. "$root/scripts/tool.sh"
kinds=(numbers latin names dictionary punctuation second-pass line-shapes)
settings=(none "${kinds[@]}")
for k in "${kinds[@]}"; do settings+=("$(printf '%s\n' "${kinds[@]}" | grep -vx "$k" | paste -sd, -)"); done
settings+=(all)
printf '%-58s %-10s %-10s %-10s %-10s %-10s\n' anchors dev-strict tune-strict bible-lax bible-strict bible-sec
for s in "${settings[@]}"; do
  row=()
  for corpus in kyoto-wiki/dev kyoto-wiki/tune bible-ja-en; do
    out=$(dotnet "$TAIYAKU" eval --corpus "$shared/corpora/$corpus" --anchors "$s" "$@")
    strict=$(sed -n 's/.*strict_f1=\([0-9.]*\).*/\1/p' <<<"$out" | head -1)
    lax=$(sed -n 's/.*lax_f1=\([0-9.]*\).*/\1/p' <<<"$out" | head -1)
    secs=$(sed -n 's/.*seconds=\([0-9.]*\).*/\1/p' <<<"$out")
    case $corpus in bible-ja-en) row+=("$lax" "$strict" "$secs");; *) row+=("$strict");; esac
  done
  printf '%-58s %-10s %-10s %-10s %-10s %-10s\n' "$s" "${row[@]}"
done
