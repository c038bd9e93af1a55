// libFuzzer target: the GraphML reader (io/graphml.hpp, libxml2's streaming reader) must
// reject any input that is not a GraphML graph with a graph::Error (ParseError with line),
// never crash, hang, allocate without bound or fetch anything. A graph it accepts must
// survive write_graphml + parse_graphml unchanged, as far as GraphML carries it (no
// evidence, no articles). libxml2 must print nothing: its generic error function (stderr by
// default) is made a finding.
#include <libxml/parser.h>

#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "graph/error.hpp"
#include "io/graphml.hpp"
#include "tests/fuzz/fuzz_common.hpp"

namespace {

void on_libxml_message(void*, const char* format, ...) {
  char text[512];
  va_list args;
  va_start(args, format);
  std::vsnprintf(text, sizeof text, format, args);
  va_end(args);
  stakegraph::fuzz::fail(std::string("libxml2 printed: ") + text);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  xmlInitParser();
  xmlSetGenericErrorFunc(nullptr, &on_libxml_message);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace stakegraph;
  const std::string text(reinterpret_cast<const char*>(data), size);
  graph::Graph g;
  try {
    g = io::parse_graphml(text, "fuzz.graphml");
  } catch (const graph::Error&) {
    return 0;
  }
  std::ostringstream out;
  io::write_graphml(g, out);
  const graph::Graph back = io::parse_graphml(out.str(), "rewritten.graphml");
  fuzz::Carried carried;
  carried.evidence = false;
  const std::string diff = fuzz::graph_difference(g, back, carried);
  fuzz::check(diff.empty(), "graphml round trip: " + diff);
  return 0;
}
