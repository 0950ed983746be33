#!/usr/bin/env bash
# Compare a benchmark of this checkout with the same benchmark at another
# revision, in one run, interleaved, so that a shared, noisy machine slows
# both alike. Prints every measurement and the ratio of the medians.
#
#   bench/compare.sh [REV] [PACKAGE] [BENCH] [ROUNDS]
#   bench/compare.sh 2f1aff5                         # whole sample audit vs issue 4's end
#   bench/compare.sh HEAD~5 ./audience Risk 3
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:-HEAD~1}
pkg=${2:-./audit}
bench=${3:-SampleAudit}
rounds=${4:-5}

base=$(mktemp -d)
trap 'git worktree remove --force "$base" >/dev/null 2>&1 || rm -rf "$base"' EXIT
git worktree add --detach -q "$base" "$rev"

run() { # dir label
  (cd "$1" && go test "$pkg" -run '^$' -bench "^Benchmark$bench\$" -benchmem -count 1 2>/dev/null) |
    awk -v label="$2" '/^Benchmark/ { print label, $3, $5 }'
}

results=$(for i in $(seq "$rounds"); do run "$base" base; run . now; done)
echo "label ns/op B/op ($bench in $pkg, $rounds rounds, base $rev)"
echo "$results"
median() { # label: the median ns/op of its measurements
  echo "$results" | awk -v label="$1" '$1 == label { print $2 }' | sort -n |
    awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
b=$(median base)
m=$(median now)
awk -v b="$b" -v m="$m" 'BEGIN { printf "median ns/op: base %.0f, now %.0f; now/base = %.2f\n", b, m, m / b }'
