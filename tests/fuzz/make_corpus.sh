#!/usr/bin/env bash
# Assembles seed corpora for the fuzz targets: <outdir>/<target>/ for every target.
#
#   tests/fuzz/make_corpus.sh OUTDIR [STAKEGRAPH_BINARY]
#
# Every corpus starts with the committed seeds (tests/fuzz/seeds/<target>/, which include the
# regression inputs of past findings), then takes small slices of the repository's samples/
# and data/, and of ../shared/data/ when it is there: a few articles, a few hundred lines of
# the Reuters JSON Lines and of the GDELT samples (plain, gzip and zip), the shipped lexicon
# files. With a stakegraph binary, samples/stakeholders.sgpb and the .json seeds are also
# converted to .json, .graphml, .csv and .sgpb seeds. Needs bash, coreutils, gzip, awk and
# python3 (zip members). Writes nothing outside OUTDIR.
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 OUTDIR [STAKEGRAPH_BINARY]" >&2
  exit 2
fi
out=$1
bin=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
shared=$(cd "$repo/.." && pwd)/shared/data
targets=(fuzz_article fuzz_csv fuzz_gdelt fuzz_graphml fuzz_json fuzz_lexicon fuzz_sgpb)

for t in "${targets[@]}"; do
  mkdir -p "$out/$t"
  if compgen -G "$here/seeds/$t/*" > /dev/null; then cp "$here/seeds/$t/"* "$out/$t/"; fi
done

# ---- articles: samples/articles, the shipped lexicon's words, Reuters slices ------------------
cp "$repo"/samples/articles/*.txt "$out/fuzz_article/"
if [ -d "$shared/reuters" ]; then
  jsonl=$shared/reuters/reuters21578_uk_japan_telecom_row_1987.jsonl
  txt=$shared/reuters/reuters21578_uk_japan_telecom_row_1987.txt
  # One article per file for the first 12 lines, and one file of 3 articles.
  head -n 12 "$jsonl" | split -l 1 -d -a 2 --additional-suffix=.jsonl - "$out/fuzz_article/reuters-line-"
  sed -n '13,15p' "$jsonl" > "$out/fuzz_article/reuters-3-lines.jsonl"
  # The text file holds articles separated by "### NEWID=" lines: the first 8 as files.
  awk -v dir="$out/fuzz_article" '
    /^### NEWID=/ { n++; if (n > 8) exit; file = sprintf("%s/reuters-text-%02d.txt", dir, n) }
    n > 0 { print > file }' "$txt"
fi

# ---- GDELT: slices of the samples, plain, gzip and zip -----------------------------------------
if [ -d "$shared/gdelt" ]; then
  g=$shared/gdelt
  head -n 300 "$g/gdelt1_events_sample_710rows.tsv" |
    split -l 30 -d -a 2 --additional-suffix=.tsv - "$out/fuzz_gdelt/gdelt1-"
  cp "$g/gdelt2_export_excerpt_7rows_newsnet.tsv" "$out/fuzz_gdelt/gdelt2-excerpt.tsv"
  { cat "$g/gdelt1_events_header_lowercase.tsv"; echo; sed -n '301,320p' "$g/gdelt1_events_sample_710rows.tsv"; } \
    > "$out/fuzz_gdelt/gdelt1-with-header.tsv"
  head -n 20 "$g/gdelt2_mentions_sample_1635rows.csv" > "$out/fuzz_gdelt/not-events-mentions.csv"
  sed -n '321,340p' "$g/gdelt1_events_sample_710rows.tsv" | gzip -c > "$out/fuzz_gdelt/gdelt1-slice.tsv.gz"
  python3 - "$out/fuzz_gdelt/gdelt2-excerpt.zip" "$g/gdelt2_export_excerpt_7rows_newsnet.tsv" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.write(sys.argv[2], "20190514000000.export.CSV")
PY
fi

# ---- lexicon: the shipped files ------------------------------------------------------------------
cp "$repo"/data/lexicon/*.textpb "$out/fuzz_lexicon/"

# ---- graphs: the sample graph, and conversions with the stakegraph binary ------------------------
cp "$repo/samples/stakeholders.sgpb" "$out/fuzz_sgpb/"
if [ -n "$bin" ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  "$bin" convert "$repo/samples/stakeholders.sgpb" "$out/fuzz_json/stakeholders.json"
  "$bin" convert "$repo/samples/stakeholders.sgpb" "$out/fuzz_graphml/stakeholders.graphml"
  "$bin" convert "$repo/samples/stakeholders.sgpb" "$out/fuzz_csv/stakeholders.csv"
  for j in "$here"/seeds/fuzz_json/*.json; do
    b=$(basename "$j" .json)
    if "$bin" convert "$j" "$tmp/$b.sgpb" 2> /dev/null; then
      cp "$tmp/$b.sgpb" "$out/fuzz_sgpb/from-json-$b.sgpb"
      "$bin" convert "$j" "$out/fuzz_graphml/from-json-$b.graphml"
      "$bin" convert "$j" "$out/fuzz_csv/from-json-$b.csv"
    fi
  done
fi

for t in "${targets[@]}"; do
  printf '%-14s %4d files %8d bytes\n' "$t" "$(find "$out/$t" -type f | wc -l)" \
    "$(find "$out/$t" -type f -printf '%s\n' | awk '{s += $1} END {print s + 0}')"
done
