// libFuzzer target: the CSV edge-list reader (io/formats/csv.hpp) must reject malformed input with
// a graph::Error (ParseError with line), never crash, hang or allocate without bound. A graph it
// accepts must survive write_csv + parse_csv unchanged, as far as CSV carries it: nodes by name
// with their kind, edges with relation and weight.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "graph/error.hpp"
#include "io/formats/csv.hpp"
#include "tests/fuzz/fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace stakegraph;
  fuzz::Carried carried;  // CSV: source, target, relation and weight only
  carried.ids = false;
  carried.aliases = false;
  carried.attributes = false;
  carried.isolated = false;
  carried.dates = false;
  carried.evidence = false;
  fuzz::check_read_and_round_trip(
      data, size, "csv",
      [](const std::string& t, const std::string& n) { return io::parse_csv(t, n); },
      [](const graph::Graph& g, std::ostream& o) { io::write_csv(g, o); }, carried);
  return 0;
}
