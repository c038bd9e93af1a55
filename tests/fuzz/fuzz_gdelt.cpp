// libFuzzer target: the GDELT event reader and importer (io/gdelt/gdelt.hpp) on one input file,
// plain, gzip or zip (detected by magic bytes, as for real files).
//
// The input is handed over as a file in memory (memfd_create, path /proc/self/fd/N), so the
// real path-based reader runs, zlib and libzip included, without touching the disk. The
// importer must report damage (a broken gzip or zip stream) as graph::Error and take any
// row without crashing; a bad row is only counted. Checked: every data row lands in exactly
// one count of GdeltImportResult; the rows that are not malformed are counted by column
// count; every imported row and every added part_of edge left one evidence; importing the
// same file again into the same graph changes nothing (every row it imported is now a
// duplicate). Actor names are looked up in the shipped lexicon, loaded once.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "graph/error.hpp"
#include "io/gdelt/gdelt.hpp"
#include "io/gdelt/lexicon_lookup.hpp"
#include "io/lexicon.hpp"
#include "tests/fuzz/fuzz_common.hpp"

namespace {

using namespace stakegraph;

const io::Lexicon& lexicon() {
  static const io::Lexicon lex = io::Lexicon::load();
  return lex;
}

int memory_file() {
  static const int fd = [] {
    const int f = memfd_create("fuzz-gdelt", 0);
    if (f < 0) fuzz::fail("memfd_create failed");
    return f;
  }();
  return fd;
}

void check_counts(const io::GdeltImportResult& r) {
  fuzz::check(r.lines == r.header_lines + r.blank_lines + r.rows,
              "lines != header + blank + data rows");
  fuzz::check(r.rows == r.malformed_rows + r.filtered_by_date + r.filtered_by_root +
                            r.no_actor_rows + r.one_actor_rows + r.statements_skipped +
                            r.duplicate_rows + r.imported_rows,
              "a data row is not in exactly one count");
  fuzz::check(r.rows_57 + r.rows_58 + r.rows_61 == r.rows - r.malformed_rows,
              "well-formed rows by column count do not add up");
  fuzz::check(r.imported_rows == r.edges_added + r.rows_merged,
              "imported rows != edges added + rows merged");
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  lexicon();
  memory_file();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const int fd = memory_file();
  if (ftruncate(fd, 0) != 0) fuzz::fail("ftruncate failed");
  for (std::size_t done = 0; done < size;) {
    const ssize_t n = pwrite(fd, data + done, size - done, static_cast<off_t>(done));
    if (n <= 0) fuzz::fail("pwrite failed");
    done += static_cast<std::size_t>(n);
  }
  const std::string path = "/proc/self/fd/" + std::to_string(fd);

  io::GdeltImportOptions options;
  options.keep_statements = true;
  options.lookup = io::gdelt_lexicon_lookup(lexicon());
  graph::Graph g;
  io::GdeltImportResult first;
  try {
    first = io::import_gdelt(g, {path}, options);
  } catch (const graph::Error&) {
    return 0;
  }
  check_counts(first);
  fuzz::check(g.evidence_count() == first.imported_rows + first.part_of_added,
              "evidence count != imported rows + part_of edges added");

  const std::size_t nodes = g.node_count(), edges = g.edge_count(), evidence = g.evidence_count(),
                    articles = g.articles().size();
  const io::GdeltImportResult again = io::import_gdelt(g, {path}, options);
  check_counts(again);
  fuzz::check(again.imported_rows == 0 && again.edges_added == 0 && again.nodes_added == 0 &&
                  again.part_of_added == 0 && again.articles_added == 0,
              "importing the same file again imported something");
  fuzz::check(again.duplicate_rows == first.imported_rows + first.duplicate_rows,
              "importing the same file again: duplicates != rows imported the first time");
  fuzz::check(g.node_count() == nodes && g.edge_count() == edges &&
                  g.evidence_count() == evidence && g.articles().size() == articles,
              "importing the same file again changed the graph");
  return 0;
}
