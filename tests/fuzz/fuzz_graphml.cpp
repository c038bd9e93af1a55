// libFuzzer target: the GraphML reader (io/formats/graphml.hpp, libxml2's streaming reader) must
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
#include "io/formats/graphml.hpp"
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
  fuzz::Carried carried;  // GraphML: no evidence, no articles
  carried.evidence = false;
  fuzz::check_read_and_round_trip(
      data, size, "graphml",
      [](const std::string& t, const std::string& n) { return io::parse_graphml(t, n); },
      [](const graph::Graph& g, std::ostream& o) { io::write_graphml(g, o); }, carried);
  return 0;
}
