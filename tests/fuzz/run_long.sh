#!/usr/bin/env bash
# Runs one fuzz target for a long session (one process, no -jobs/-workers) and prints the
# figures for the table in tests/fuzz/README.md.
#
#   tests/fuzz/run_long.sh BUILD_DIR TARGET CORPUS_DIR [SECONDS=600]
#
# CORPUS_DIR/TARGET/ is the corpus (make it with make_corpus.sh; libFuzzer adds the inputs
# it finds there); findings go to CORPUS_DIR/TARGET.artifacts/, the log to
# CORPUS_DIR/TARGET.log. Exit status: 0 when the run ended without a finding.
set -euo pipefail
if [ $# -lt 3 ] || [ $# -gt 4 ]; then
  echo "usage: $0 BUILD_DIR TARGET CORPUS_DIR [SECONDS]" >&2
  exit 2
fi
build=$1 target=$2 corpus=$3 seconds=${4:-600}
here=$(cd "$(dirname "$0")" && pwd)
bin=$build/tests/fuzz/$target
[ -x "$bin" ] || { echo "$bin: not built (cmake --build $build --target $target)" >&2; exit 2; }
[ -d "$corpus/$target" ] || { echo "$corpus/$target: no corpus (run make_corpus.sh)" >&2; exit 2; }
mkdir -p "$corpus/$target.artifacts"
args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
      -artifact_prefix="$corpus/$target.artifacts/")
[ -f "$here/dicts/$target.dict" ] && args+=(-dict="$here/dicts/$target.dict")
start=$(date +%s)
set +e
"$bin" "${args[@]}" "$corpus/$target" > "$corpus/$target.log" 2>&1
rc=$?
set -e
end=$(date +%s)
execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$corpus/$target.log" | tail -1)
files=$(find "$corpus/$target" -type f | wc -l)
bytes=$(find "$corpus/$target" -type f -printf '%s\n' | awk '{s += $1} END {print s + 0}')
minutes=$(awk -v s=$((end - start)) 'BEGIN {printf "%.1f", s / 60}')
rate=$(awk -v e="${execs:-0}" -v s=$((end - start)) 'BEGIN {printf "%.0f", (s > 0 ? e / s : 0)}')
echo "$target $(date -u +%F) minutes=$minutes execs=${execs:-?} exec/s=$rate corpus=${files} files/${bytes} bytes exit=$rc"
exit $rc
