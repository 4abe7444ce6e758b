#!/usr/bin/env bash
# Submits the whole pipeline: learn shards (array) → merge → align shards (array) → gather, each step after the
# previous one succeeded. Prints the four job ids (learn merge align gather) on one line.
# Usage: pipeline.sh MANIFEST WORK_DIR SHARDS   (environment: TAIYAKU, TAIYAKU_OPTS; extra sbatch options in SBATCH_OPTS)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
manifest=$(realpath "$1") work=$(realpath -m "$2") shards=$3
mkdir -p "$work/logs"
export MANIFEST=$manifest WORK=$work SHARDS=$shards SCRIPTS=$here
sb() { sbatch --parsable --export=ALL -o "$work/logs/%x-%A_%a.out" ${SBATCH_OPTS:-} "$@"; }
learn=$(sb --array=0-$((shards - 1)) "$here/learn-shard.sbatch")
merge=$(sb --dependency=afterok:"$learn" "$here/merge.sbatch")
align=$(sb --dependency=afterok:"$merge" --array=0-$((shards - 1)) "$here/align-shard.sbatch")
gather=$(sb --dependency=afterok:"$align" "$here/gather.sbatch")
echo "$learn $merge $align $gather"
