// libFuzzer target: the CSV edge-list reader (io/csv.hpp) must reject malformed input with a
// graph::Error (ParseError with line), never crash, hang or allocate without bound. A graph
// it accepts must survive write_csv + parse_csv unchanged, as far as CSV carries it: nodes
// by name with their kind, edges with relation and weight.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "graph/error.hpp"
#include "io/csv.hpp"
#include "tests/fuzz/fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace stakegraph;
  const std::string text(reinterpret_cast<const char*>(data), size);
  graph::Graph g;
  try {
    g = io::parse_csv(text, "fuzz.csv");
  } catch (const graph::Error&) {
    return 0;
  }
  std::ostringstream out;
  io::write_csv(g, out);
  const graph::Graph back = io::parse_csv(out.str(), "rewritten.csv");
  fuzz::Carried carried;
  carried.ids = false;
  carried.aliases = false;
  carried.attributes = false;
  carried.isolated = false;
  carried.dates = false;
  carried.evidence = false;
  const std::string diff = fuzz::graph_difference(g, back, carried);
  fuzz::check(diff.empty(), "csv round trip: " + diff);
  return 0;
}
