#!/usr/bin/env bash
# Installs everything stakegraph needs to build, test and benchmark, from Debian packages.
# Run as root (or with sudo available). Idempotent.
set -euo pipefail
packages=(
  build-essential cmake pkg-config git
  libboost-graph-dev            # Boost.Graph (header-only parts used)
  libprotobuf-dev protobuf-compiler
  libgraphviz-dev               # cgraph + gvc, rendering in-process
  fonts-dejavu-core fonts-wqy-microhei   # label fonts for PNG/PDF (Latin; CJK names)
  libcli11-dev nlohmann-json3-dev
  libxml2-dev zlib1g-dev libzip-dev
  libicu-dev                    # names: transliterated ids, accent-folded look-ups, display width
  libgtest-dev libgmock-dev libbenchmark-dev
  iso-codes                     # country names and codes for the lexicon
  python3 python3-networkx python3-igraph   # GraphML interoperability tests
  clang libclang-rt-dev libomp-dev   # sanitizer + libFuzzer build (tests/fuzz, .ci/run)
  openmpi-bin libopenmpi-dev libboost-mpi-dev libboost-graph-parallel-dev   # stakegraph-mpi (-DSTAKEGRAPH_MPI=ON)
  chromium chromium-driver python3-selenium   # browser test of the HTML report (tests/browser)
  libhowardhinnant-date-dev     # date parsing of article header dates (io/news_date.hpp)
  clang-format                  # .ci/check-format (style: .clang-format)
  wordnet-base                  # WordNet 3.0 files: data/wordnet/wordclasses.tsv is derived from them (test: regenerate)
)
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
