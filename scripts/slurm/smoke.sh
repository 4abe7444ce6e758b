#!/usr/bin/env bash
# End-to-end check of the Slurm scripts on a real one-node cluster on this machine (run as root):
#   installs slurm-wlm and munge if missing, starts munged (if none runs), slurmctld and slurmd with a generated
#   slurm.conf in a temporary folder, runs pipeline.sh (learn shards → merge → align shards → gather) over the Bible
#   dev books and pydocs-dev with 4 shards, checks that the merged model is the model learned in one process and that
#   the gathered output is a single-process align-batch's with that model, then runs the align array again over a
#   stale shard, stops one task mid-run (SIGTERM, as preemption or a time limit does), requeues it and checks that
#   the result is the same. Stops everything it started. Usage: smoke.sh [SHARDS]   (TAIYAKU: a built tool to use)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
here=$root/scripts/slurm
shards=${1:-4}
corpora=${CORPORA:-$root/../shared/corpora}
say() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
fail() { say "FAIL: $*"; exit 1; }

[ "$(id -u)" = 0 ] || fail "run as root (it installs packages and starts the Slurm daemons)"
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v munged >/dev/null; then
  say "installing slurm-wlm and munge"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >/dev/null
fi
say "$(slurmctld -V), munge $(munged -V 2>&1 | awk '{print $2; exit}'), $(nproc) cores"

if [ -z "${TAIYAKU:-}" ]; then
  say "building taiyaku (Release)"
  dotnet build "$root/src/Taiyaku.Cli" -c Release -v q -nologo >/dev/null
  TAIYAKU=$(ls "$root"/src/Taiyaku.Cli/bin/Release/net*/taiyaku | head -1)
fi
export TAIYAKU

tmp=$(mktemp -d /tmp/taiyaku-slurm.XXXXXX)
started_munge=
cleanup() {
  say "stopping the cluster"
  for d in slurmd slurmctld; do [ -f "$tmp/$d.pid" ] && kill "$(cat "$tmp/$d.pid")" 2>/dev/null || true; done
  [ -n "$started_munge" ] && [ -f /run/munge/munged.pid ] && kill "$(cat /run/munge/munged.pid)" 2>/dev/null || true
  sleep 1
  [ -n "${KEEP:-}" ] && say "kept $tmp" || rm -rf "$tmp"
}
trap cleanup EXIT

# munge: the daemon Slurm authenticates with.
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
  mkdir -p /run/munge && chown munge:munge /run/munge && chmod 755 /run/munge
  [ -f /etc/munge/munge.key ] || { mungekey --create 2>/dev/null || create-munge-key -f; chown munge:munge /etc/munge/munge.key; }
  runuser -u munge -- /usr/sbin/munged
  started_munge=1
  sleep 1
  munge -n | unmunge >/dev/null || fail "munged does not answer"
fi

host=$(hostname -s)
mkdir -p "$tmp/state" "$tmp/spool" "$tmp/work" "$tmp/requeue"
cat > "$tmp/slurm.conf" <<CONF
ClusterName=taiyaku-smoke
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/slurmctld.log
SlurmdLogFile=$tmp/slurmd.log
SlurmctldPort=16817
SlurmdPort=16818
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
JobRequeue=1
MinJobAge=3600
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=smoke Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$tmp/slurm.conf
slurmctld -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF"
for _ in $(seq 60); do sinfo -h -o %T 2>/dev/null | grep -qx idle && break; sleep 1; done
sinfo -h -o %T | grep -qx idle || { tail -20 "$tmp/slurmctld.log" "$tmp/slurmd.log"; fail "the node did not come up"; }
say "cluster up: node $host ($(sinfo -h -o %c) CPUs), partition $(sinfo -h -o %P)"

# The manifest: every gold document of the Bible dev books and pydocs-dev, one sentence per line.
manifest=$tmp/manifest.jsonl
for dir in "$corpora/bible-ja-en" "$corpora/pydocs-dev/para"; do
  for gold in "$dir"/*.gold; do
    b=${gold%.gold}
    printf '{"id":"%s","src":"%s","tgt":"%s","segmented":true}\n' "$(basename "$(dirname "$b")")/$(basename "$b")" "$b.ja" "$b.en"
  done
done > "$manifest"
pairs=$(wc -l < "$manifest")
sentences=$(sed 's/.*"src":"\([^"]*\)","tgt":"\([^"]*\)".*/\1\n\2/' "$manifest" | xargs cat | wc -l)
say "manifest: $pairs pairs, $sentences sentences, $shards shards"

state() { scontrol show job "$1" 2>/dev/null | grep -o 'JobState=[A-Z_]*' | cut -d= -f2 | sort | uniq -c | xargs; }
wait_jobs() {   # waits until none of the jobs is pending or running
  while squeue -h -j "$(IFS=,; echo "$*")" -t PD,R,CG,CF 2>/dev/null | grep -q .; do sleep 0.5; done
}
epoch() { date -u -d "$1" +%s; }
span() {   # first start and last end over a job's tasks: "seconds tasks"
  scontrol show job "$1" | awk '/StartTime=/{for(i=1;i<=NF;i++){if($i~/^StartTime=/)s=substr($i,11); if($i~/^EndTime=/)e=substr($i,9)}; print s, e}' \
    | while read -r s e; do echo "$(epoch "$s") $(epoch "$e")"; done | awk 'NR==1||$1<a{a=$1} $2>b{b=$2} END{print b-a, NR}'
}

say "phase 0: submitting pipeline.sh (learn array → merge → align array → gather)"
t0=$(date +%s.%N)
read -r learn merge align gather < <("$here/pipeline.sh" "$manifest" "$tmp/work" "$shards")
wait_jobs "$learn" "$merge" "$align" "$gather"
t1=$(date +%s.%N)
for j in "$learn" "$merge" "$align" "$gather"; do
  s=$(state "$j"); [[ $s =~ ^[0-9]+\ COMPLETED$ ]] || { tail -5 "$tmp"/work/logs/* ; fail "job $j: $s"; }
done
read -r ls lt < <(span "$learn"); read -r ms _ < <(span "$merge"); read -r as at < <(span "$align"); read -r gs _ < <(span "$gather")
say "phase timings (Slurm start to end, 1 s resolution): learn ${ls}s ($lt tasks), merge ${ms}s, align ${as}s ($at tasks), gather ${gs}s; whole pipeline $(printf %.1f "$(echo "$t1 - $t0" | bc)")s wall"
for ((k = 0; k < shards; k++)); do
  printf '  shard %d: %s pairs learned from, %s records aligned\n' "$k" \
    "$(awk -v n="$shards" -v k="$k" 'NF && (NR-1)%n==k' "$manifest" | wc -l)" "$(wc -l < "$tmp/work/out-$k.jsonl")"
done

say "single process: learn over the whole manifest, then align-batch --model (threads $(nproc))"
s0=$(date +%s.%N)
"$TAIYAKU" learn --manifest "$manifest" --out "$tmp/model-single.bin" --quiet
s1=$(date +%s.%N)
"$TAIYAKU" align-batch --manifest "$manifest" --model "$tmp/work/model.bin" --out "$tmp/single.jsonl" --quiet
s2=$(date +%s.%N)
say "single process: learn $(printf %.1f "$(echo "$s1 - $s0" | bc)")s, align $(printf %.1f "$(echo "$s2 - $s1" | bc)")s ($(echo "$sentences / ($s2 - $s1)" | bc) sentences/s)"
cmp "$tmp/work/model.bin" "$tmp/model-single.bin" || fail "the merged model differs from the model learned in one process"
say "CHECK model: merge of $shards shard models == learn over the whole manifest (byte-identical, $(stat -c %s "$tmp/model-single.bin") bytes)"
cmp "$tmp/work/aligned.jsonl" "$tmp/single.jsonl" || fail "the gathered output differs from single-process align-batch"
say "CHECK equality: gathered output == single-process align-batch ($(wc -l < "$tmp/single.jsonl") records, $(grep -o '"ja":\[' "$tmp/single.jsonl" | wc -l) links, sha256 $(sha256sum < "$tmp/single.jsonl" | cut -c1-16))"
grep -q '"error"' "$tmp/single.jsonl" && fail "some pair failed"

victim=$((shards - 1))
say "requeue: align array again into a folder holding a stale out-$victim.jsonl; task $victim is stopped mid-run"
echo '{"stale":true}' > "$tmp/requeue/out-$victim.jsonl"
r=$(MANIFEST=$manifest WORK=$tmp/work SHARDS=$shards OUT=$tmp/requeue sbatch --parsable --export=ALL -o "$tmp/requeue/%x-%A_%a.out" --array=0-$((shards - 1)) "$here/align-shard.sbatch")
job=${r}_$victim
for _ in $(seq 600); do [ "$(squeue -h -j "$job" -o %T 2>/dev/null)" = RUNNING ] && break; sleep 0.1; done
[ "$(squeue -h -j "$job" -o %T)" = RUNNING ] || { cat "$tmp"/requeue/*.out; fail "task $job never ran: $(state "$job")"; }
sleep 1   # past start-up: the analyzer is loaded and the shard is being aligned
[ "$(squeue -h -j "$job" -o %T)" = RUNNING ] || fail "task $job finished before it could be stopped (make the shards larger)"
temp_files=$(ls -a "$tmp/requeue" | grep -c "^\.out-$victim\.jsonl\..*\.tmp$" || true)
scancel --batch --signal=TERM "$job"
while [ "$(squeue -h -j "$job" -o %T 2>/dev/null)" = RUNNING ]; do sleep 0.1; done
wait_jobs "$r"
killed_state=$(scontrol show job "$job" | grep -o -e 'JobState=[A-Z_]*' -e 'ExitCode=[0-9:]*' | xargs)
say "task $job stopped mid-run (writing its temporary file: $temp_files): $killed_state"
[ "$(cat "$tmp/requeue/out-$victim.jsonl")" = '{"stale":true}' ] || fail "the stopped task changed its output"
ls -a "$tmp/requeue" | grep -q "^\.out-$victim\.jsonl\..*\.tmp$" && fail "the stopped task left a temporary file"
say "CHECK stopped task: its output is left as it was (the stale file), no partial or temporary file"
scontrol requeue "$job"
scontrol update JobId="$job" StartTime=now 2>/dev/null || true   # a requeued job is otherwise held for about two minutes
wait_jobs "$r"
restarts=$(scontrol show job "$job" | grep -o 'Restarts=[0-9]*' || true)
s=$(state "$r"); [[ $s =~ ^[0-9]+\ COMPLETED$ ]] || fail "requeued array $r: $s"
"$here/gather.sh" "$manifest" "$shards" "$tmp/requeue" "$tmp/requeue/aligned.jsonl"
cmp "$tmp/requeue/aligned.jsonl" "$tmp/single.jsonl" || fail "the requeued run differs from single-process align-batch"
say "CHECK requeue: task $job requeued ($restarts), all $shards tasks COMPLETED, the stale shard replaced, gathered output == single-process align-batch"
say "throughput: align array $(echo "$sentences / $as" | bc) sentences/s over $shards tasks on $(nproc) cores (Slurm, 1 s resolution), single process $(echo "$sentences / ($s2 - $s1)" | bc) sentences/s"
say "PASS"
