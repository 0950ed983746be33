#!/usr/bin/env bash
# Chain scale: the whole audit (--audience all, with history) of a generated
# organisation at 1/16, 1/4 and 1 of the chain size, then the anchors, and a
# table of wall time, CPU time and peak RSS (GNU time -v) with the phases of
# each run (--timings). Each run's finding counts must equal the counts the
# generator planted (planted.json); a difference fails the script.
#
#   bench/scale.sh                 # chain size 100,000 children
#   bench/scale.sh 20000           # a smaller chain
#   ROUNDS=3 bench/scale.sh        # medians of 3 runs per size
#   ANCHORS=0 bench/scale.sh       # without the anchors
#   FINDINGS=0 bench/scale.sh      # without the many-findings runs
#
# Memory in findings: the 1/4 organisation is audited again as of a later
# date (LATE_AS_OF, default 2034-09-01), when retention periods have run
# out for most records: about 40 times the findings from the same rows.
# Both runs' peak RSS and Go heap are printed with the memory per finding.
#
# Generated organisations are kept in $AVGAUDIT_SCALE_DIR (default
# /tmp/avgaudit-scale) and regenerated when the generator changes. They are
# never committed. Needs GNU time (/usr/bin/time), jq and, for the SQLite
# peer, sqlite3 (apt-get install time jq sqlite3).
set -euo pipefail
cd "$(dirname "$0")/.."
chain=${1:-100000}
rounds=${ROUNDS:-1}
anchors=${ANCHORS:-1}
findings_runs=${FINDINGS:-1}
late=${LATE_AS_OF:-2034-09-01}
work=${AVGAUDIT_SCALE_DIR:-/tmp/avgaudit-scale}
mkdir -p "$work"
for tool in /usr/bin/time jq; do
  command -v "$tool" >/dev/null || { echo "scale.sh: $tool not found" >&2; exit 1; }
done

go build -o "$work/avgaudit" ./cmd/avgaudit
go build -o "$work/generate" ./samples/generate
go build -o "$work/anchors" ./bench/anchors
stamp=$(git rev-parse HEAD:samples/generate 2>/dev/null || echo dirty)$(git diff --quiet -- samples/generate || echo -dirty)

mem=$(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo)
echo "machine: $(nproc) cores, $mem memory, load average $(cut -d' ' -f1-3 /proc/loadavg); $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (uncommitted changes)')"

# gen N: the organisation of N children in $work/org-N (reused while the generator is unchanged).
gen() {
  local dir="$work/org-$1"
  if [[ ! -f "$dir/planted.json" || "$(cat "$dir/.stamp" 2>/dev/null)" != "$stamp" ]]; then
    rm -rf "$dir"
    local t0=$SECONDS
    "$work/generate" -out "$dir" -children "$1" >/dev/null
    echo "$stamp" >"$dir/.stamp"
    echo "generated $1 children in $((SECONDS - t0)) s: $(du -sh "$dir" | cut -f1)" >&2
  fi
}

# phase FILE NAMES: wall/CPU seconds of the phases named (|-separated, summed) in a --timings table.
phase() {
  awk -v names="$2" 'BEGIN { n = split(names, want, "|") }
    { for (i = 1; i <= n; i++) if (index($0, want[i]) == 1) { w += $(NF - 3); c += $(NF - 2) } }
    END { printf "%.1f/%.1f", w, c }' "$1"
}

# run N ROUND: one audit; prints one table row and checks the counts.
run() {
  local n=$1 dir="$work/org-$1" out="$work/out-$1"
  rm -rf "$out"
  /usr/bin/time -v -o "$work/time-$n.txt" "$work/avgaudit" audit "$dir" --out "$out" --audience all -q --timings 2>"$work/timings-$n.txt" >/dev/null
  local wall cpu rss rows findings planted children
  wall=$(awk -F': ' '/Elapsed/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$work/time-$n.txt")
  cpu=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.1f", u + s }' "$work/time-$n.txt")
  rss=$(awk -F': ' '/Maximum resident/ { printf "%.0f", $2 / 1024 }' "$work/time-$n.txt")
  rows=$(jq '[.rows[]] | add' "$dir/planted.json")
  children=$(jq .children "$dir/planted.json")
  jq -r '.checks[] | "\(.id) \(.findings | length)"' "$out/resultaten-fg.json" | sort >"$work/got-$n.txt"
  jq -r '.findings | to_entries[] | "\(.key) \(.value)"' "$dir/planted.json" | sort >"$work/want-$n.txt"
  findings=$(awk '{ s += $2 } END { print s }' "$work/got-$n.txt")
  if diff -q "$work/want-$n.txt" "$work/got-$n.txt" >/dev/null; then planted=yes; else planted="NO (see $work/got-$n.txt)"; fi
  printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n" "$children" "$rows" "$findings" "$wall" "$cpu" "$rss" \
    "$(phase "$work/timings-$n.txt" 'load exports')" "$(phase "$work/timings-$n.txt" 'run checks')" \
    "$(phase "$work/timings-$n.txt" 'register, trend|close database|read manifest')" "$(phase "$work/timings-$n.txt" 'audience views')" \
    "$(phase "$work/timings-$n.txt" 'write rapport.xlsx|write rapport-fg.xlsx|write rapport-bestuur.xlsx')" \
    "$(phase "$work/timings-$n.txt" 'write rapport.html|write rapport-fg.html|write rapport-bestuur.html')" \
    "$(phase "$work/timings-$n.txt" 'write resultaten|write history')" "$planted"
  [[ $planted == yes ]]
}

sizes=("$((chain / 16))" "$((chain / 4))" "$chain")
for n in "${sizes[@]}"; do gen "$n"; done
echo
echo "| children | rows | findings | wall s | CPU s | peak RSS MB | load | checks | other audit | views | xlsx ×3 | html ×3 | json ×3 + history | = planted |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
status=0
for n in "${sizes[@]}"; do
  for _ in $(seq "$rounds"); do run "$n" || status=1; done
done
echo "(phases: wall/CPU seconds from --timings; all runs: $work/timings-N.txt, $work/time-N.txt)"

# findings_run N AS_OF: one audit of org-N as of AS_OF (manifest's date when
# empty); prints "findings peak-RSS-MB max-heap-MB wall cpu".
findings_run() {
  local n=$1 out="$work/out-findings" tag=${2:-manifest}
  rm -rf "$out"
  /usr/bin/time -v -o "$work/time-findings-$tag.txt" "$work/avgaudit" audit "$work/org-$n" --out "$out" --audience all -q --timings \
    ${2:+--as-of "$2"} 2>"$work/timings-findings-$tag.txt" >/dev/null || true
  local findings rss heap wall cpu
  findings=$(jq '[.checks[].findings | length] | add' "$out/resultaten-fg.json")
  rss=$(awk -F': ' '/Maximum resident/ { printf "%.0f", $2 / 1024 }' "$work/time-findings-$tag.txt")
  heap=$(awk '$1 != "phase" && $1 != "total" && $NF ~ /^[0-9]+$/ && $NF > m { m = $NF } END { print m + 0 }' "$work/timings-findings-$tag.txt")
  wall=$(awk -F': ' '/Elapsed/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$work/time-findings-$tag.txt")
  cpu=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.1f", u + s }' "$work/time-findings-$tag.txt")
  echo "$findings $rss $heap $wall $cpu"
}

if [[ $findings_runs == 1 ]]; then
  q=$((chain / 4))
  echo
  echo "memory in findings: $q children, --audience all, as of the manifest's date and as of $late:"
  read -r f1 r1 h1 w1 c1 < <(findings_run "$q" "")
  read -r f2 r2 h2 w2 c2 < <(findings_run "$q" "$late")
  echo "| as of | findings | wall s | CPU s | peak RSS MB | max Go heap MB (phase ends) |"
  echo "|---|---|---|---|---|---|"
  echo "| manifest | $f1 | $w1 | $c1 | $r1 | $h1 |"
  echo "| $late | $f2 | $w2 | $c2 | $r2 | $h2 |"
  awk -v f1="$f1" -v f2="$f2" -v r1="$r1" -v r2="$r2" -v h1="$h1" -v h2="$h2" 'BEGIN {
    d = f2 - f1; if (d <= 0) d = 1
    printf "%.1f× the findings: peak RSS %.2f×, %.2f KB per extra finding; Go heap %.2f KB per extra finding\n", f2 / (f1 ? f1 : 1), r2 / r1, (r2 - r1) * 1000 / d, (h2 - h1) * 1000 / d }'
fi

if [[ $anchors == 1 ]]; then
  q=$((chain / 4))
  echo
  echo "anchors at $q children (database kept with --db):"
  rm -f "$work/anchor.duckdb"
  "$work/avgaudit" audit "$work/org-$q" --out "$work/out-anchor" --audience fg -q --no-history --db "$work/anchor.duckdb" >/dev/null
  "$work/anchors" checks -db "$work/anchor.duckdb" -rounds 3
  if command -v sqlite3 >/dev/null; then
    "$work/anchors" sqlite -db "$work/anchor.duckdb" -work "$work/peer" -rounds 3
  else
    echo "peer: sqlite3 not installed (apt-get install sqlite3)"
  fi
  echo
  echo "CSV ingest of 1,000,000 rows against DuckDB's read_csv (ns/op, cpu-s/op):"
  AVGAUDIT_BENCH_ROWS=1000000 go test ./ingest -run '^$' -bench 'LoadCSV$|DuckDBReadCSV$' -benchtime 3x -count 1 -timeout 30m | awk '/^Benchmark/ { print "  " $1, $3, $4, $7, $8 }'
  echo "XLSX rows: excelize's row iterator (raw values, as the loader used) against the streaming reader (100,000 rows):"
  AVGAUDIT_BENCH_ROWS=100000 go test ./ingest -run '^$' -bench 'SheetRows/.*/(excelize-raw|stream)' -benchtime 2x -count 1 -timeout 30m |
    awk '/^Benchmark/ { print "  " $1, $3, "ns/op", $(NF - 1), "rows/s" }'
fi
exit $status
