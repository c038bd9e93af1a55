// Nothing let in, and errors that say what happened.
// - Control characters in names (JSON allows them) and in file names reach no output raw:
//   the SVG stays well-formed XML (Graphviz copies labels into it), DOT and the terminal
//   tables of every query show "␛" for ESC, error messages too; --title with a control
//   character draws. JSON output escapes them (\u001b) and data written to stdout
//   (`convert - --to csv`) keeps them byte for byte.
// - Every error is one line naming the file: out of memory while reading a graph (a child
//   run under `ulimit -v`), a DOT write that fails (a full device), protobuf refusing a
//   string that is not UTF-8 (no "[libprotobuf ERROR ...]" line, no file written), Graphviz
//   failures in `render`.
// - Long file names (245 and 255 bytes) are written; `ingest` into a 250-byte name (its
//   lock file gets a hashed name).
#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "io/formats/json_format.hpp"
#include "io/formats/sgpb.hpp"
#include "tests/cli/run.hpp"
#include "tests/temp_dir.hpp"
#include "tests/test_graphs.hpp"

namespace stakegraph {
namespace {

namespace fs = std::filesystem;
using test_support::run_stakegraph;

std::string quote(const std::string& s) { return "'" + s + "'"; }

const std::string kArticle =
    std::string(STAKEGRAPH_SOURCE_DIR) + "/samples/articles/seed-huawei-allies.txt";
const std::string kEsc = "\x1b[31m";
const std::string kEscShown = "\xE2\x90\x9B[31m";  // U+241B, then "[31m"

// Bytes that no text output may carry: C0 controls other than tab and line breaks, DEL.
bool has_raw_controls(const std::string& s) {
  for (unsigned char c : s)
    if ((c < 0x20 && c != '\n' && c != '\t' && c != '\r') || c == 0x7F) return true;
  return false;
}

// The lines of `err` that stakegraph wrote (a sanitizer build adds LeakSanitizer's report of
// the Graphviz suppressions it used).
std::size_t our_lines(const std::string& err) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < err.size(); i = err.find('\n', i) + 1) {
    n += err.compare(i, 12, "stakegraph: ") == 0;
    if (err.find('\n', i) == std::string::npos) break;
  }
  return n;
}

bool well_formed_xml(const std::string& text) {
  xmlDocPtr doc = xmlReadMemory(text.data(), static_cast<int>(text.size()), "out.svg", nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == nullptr) return false;
  xmlFreeDoc(doc);
  return true;
}

//   Evil\e[31m --SANCTION--> Huawei
//   (node name, id, alias and evidence sentence with ESC, BEL and SOH in them)
class SafeOutput : public test_support::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    graph::Graph g;
    const auto a = g.add_node_with_id("evil" + kEsc + "\x01", "Evil" + kEsc + "\x07",
                                      graph::Kind::kGovernment);
    g.add_alias(a, "Bad" + kEsc);
    const auto b = g.add_node_with_id("huawei", "Huawei", graph::Kind::kVendor);
    graph::Evidence ev;
    ev.text = "Evil" + kEsc + " sanctioned Huawei.\x01";
    g.add_evidence(g.add_edge(a, b, graph::Relation::kSanction), ev);
    graph_ = path("ctl.json");
    std::ofstream(graph_) << [&] {
      std::ostringstream out;
      io::write_json(g, out);
      return out.str();
    }();
  }
  std::string graph_;
};

TEST_F(SafeOutput, SvgIsWellFormed) {
  const auto r = run_stakegraph("render " + quote(graph_) + " -o " + quote(path("out.svg")));
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string svg = test_support::slurp(path("out.svg"));
  EXPECT_FALSE(has_raw_controls(svg));
  EXPECT_TRUE(well_formed_xml(svg));
  EXPECT_NE(svg.find("Evil" + kEscShown), std::string::npos);
}

TEST_F(SafeOutput, TitleWithControlCharacterDraws) {
  const auto r = run_stakegraph("render " + quote(graph_) + " -o " + quote(path("t.svg")) +
                                " --title \"$(printf 'A\\001title')\"");
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string svg = test_support::slurp(path("t.svg"));
  EXPECT_TRUE(well_formed_xml(svg));
  EXPECT_NE(svg.find("A\xE2\x90\x81title"), std::string::npos);
}

TEST_F(SafeOutput, DotHasNoRawControls) {
  const auto r = run_stakegraph("convert " + quote(graph_) + " " + quote(path("out.dot")));
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string dot = test_support::slurp(path("out.dot"));
  EXPECT_FALSE(has_raw_controls(dot));
  EXPECT_NE(dot.find("Evil" + kEscShown), std::string::npos);
}

TEST_F(SafeOutput, TerminalTablesShowStandIns) {
  for (const std::string& cmd :
       {"show " + quote(graph_) + " huawei", "show " + quote(graph_) + " Huawei",
        "neighbors " + quote(graph_) + " huawei", "path " + quote(graph_) + " Huawei Huawei",
        "centrality " + quote(graph_) + " --metric degree", "clusters " + quote(graph_),
        "stats " + quote(graph_)}) {
    SCOPED_TRACE(cmd);
    const auto r = run_stakegraph(cmd);
    EXPECT_FALSE(has_raw_controls(r.out)) << r.out;
    EXPECT_FALSE(has_raw_controls(r.err)) << r.err;
  }
  const auto r = run_stakegraph("show " + quote(graph_) + " huawei");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("Evil" + kEscShown + "\xE2\x90\x87"), std::string::npos) << r.out;
}

TEST_F(SafeOutput, JsonEscapesAndDataKeepsBytes) {
  const auto j = run_stakegraph("show " + quote(graph_) + " huawei --json");
  ASSERT_EQ(j.status, 0) << j.err;
  EXPECT_FALSE(has_raw_controls(j.out));
  EXPECT_NE(j.out.find("Evil\\u001b[31m"), std::string::npos) << j.out;
  // Data to stdout is not display: a CSV keeps the name as it is.
  const auto c = run_stakegraph("convert " + quote(graph_) + " - --to csv");
  ASSERT_EQ(c.status, 0) << c.err;
  EXPECT_NE(c.out.find("Evil" + kEsc + "\x07"), std::string::npos);
}

TEST_F(SafeOutput, ErrorsShowStandIns) {
  // A missing file whose name clears the screen; a node name with ESC suggested.
  const auto missing = run_stakegraph("stats \"$(printf 'x\\033[2Jy.sgpb')\"");
  EXPECT_EQ(missing.status, 1);
  EXPECT_FALSE(has_raw_controls(missing.err)) << missing.err;
  EXPECT_NE(missing.err.find("x\xE2\x90\x9B[2Jy.sgpb"), std::string::npos) << missing.err;
  const auto near = run_stakegraph("show " + quote(graph_) + " Evi");
  EXPECT_EQ(near.status, 1);
  EXPECT_EQ(test_support::count_lines(near.err), 1u) << near.err;
  EXPECT_FALSE(has_raw_controls(near.err)) << near.err;
  EXPECT_NE(near.err.find("Evil" + kEscShown), std::string::npos) << near.err;
}

// ---- errors naming the file --------------------------------------------------------------------

TEST_F(SafeOutput, OutOfMemoryNamesTheGraph) {
#ifdef STAKEGRAPH_SANITIZED
  GTEST_SKIP() << "AddressSanitizer reserves terabytes of address space: ulimit -v stops it "
                  "before main";
#else
  const std::string big = path("big.sgpb");
  // 100,000 edges with 150,000 evidence sentences: 18 MB on disk, several times that loaded.
  ASSERT_EQ(
      run_stakegraph("generate --nodes 20000 --edges 100000 --seed 1 -o " + quote(big)).status, 0);
  // `stats` reads the evidence (it counts what is dated): without a date, it reads the
  // topology of a version 3 file alone, which fits in 100 MB (issue 14).
  for (const std::string& cmd :
       {"stats --since 1900-01-01 " + quote(big),
        "convert " + quote(big) + " " + quote(path("big.json")),
        "render " + quote(big) + " --top 10 -o " + quote(path("big.svg"))}) {
    SCOPED_TRACE(cmd);
    // 100 MB of address space: the program starts (it needs about 55), the graph does not
    // fit. The last command of the line is the one whose output is captured.
    const auto r = run_stakegraph("--version >/dev/null; ulimit -v 100000; '" +
                                  std::string(STAKEGRAPH_BIN) + "' " + cmd);
    EXPECT_EQ(r.status, 1) << r.err;
    EXPECT_EQ(r.err, "stakegraph: error: " + big + ": out of memory while reading\n");
  }
  EXPECT_FALSE(fs::exists(path("big.json")));
  EXPECT_FALSE(fs::exists(path("big.svg")));
#endif
}

TEST_F(SafeOutput, FailedDotWriteNamesTheFile) {
  // A full device of our own (1,7 is /dev/full): written in place, and it fails.
  const std::string full = path("full.dot");
  if (::mknod(full.c_str(), S_IFCHR | 0666, makedev(1, 7)) != 0)
    GTEST_SKIP() << "cannot make a device node here (needs root): " << std::strerror(errno);
  const auto r = run_stakegraph("convert " + quote(graph_) + " " + quote(full));
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(our_lines(r.err), 1u) << r.err;
  EXPECT_EQ(r.err.rfind("stakegraph: error: " + full + ": ", 0), 0u) << r.err;
  EXPECT_EQ(fs::status(full).type(), fs::file_type::character);
}

TEST_F(SafeOutput, DotToFullStdoutNamesStandardOutput) {
  // Not through run_stakegraph, which sends stdout to a file of its own.
  const std::string err = path("err.txt");
  const int raw = std::system(("'" + std::string(STAKEGRAPH_BIN) + "' extract --format dot " +
                               quote(kArticle) + " >/dev/full 2>" + quote(err))
                                  .c_str());
  EXPECT_TRUE(WIFEXITED(raw) && WEXITSTATUS(raw) == 1) << raw;
  const std::string said = test_support::slurp(err);
  EXPECT_EQ(our_lines(said), 1u) << said;
  EXPECT_EQ(said.rfind("stakegraph: error: standard output: ", 0), 0u) << said;
}

// A lexicon name that is not UTF-8 ("\377" is a valid escape in Protobuf text format) becomes
// a node name; writing it used to log "[libprotobuf ERROR ...]" and write a .sgpb that no
// reader accepts, with exit 0.
TEST_F(SafeOutput, ProtobufRefusalIsOurError) {
  const std::string lex = write("bad.lex",
                                "entry { name: \"Qor\\377vex\" kind: \"vendor\" "
                                "alias: \"Qorvex\" }\n");
  const std::string art = write("q.txt",
                                "Title: t\nDate: 2020-01-01\n\n"
                                "Germany banned Qorvex from its 5G networks on Monday.\n");
  const std::string out = path("q.sgpb");
  const auto r =
      run_stakegraph("ingest -q --lexicon " + quote(lex) + " " + quote(art) + " -o " + quote(out));
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(test_support::count_lines(r.err), 1u) << r.err;
  EXPECT_EQ(r.err.find("libprotobuf"), std::string::npos) << r.err;
  // Refused where it comes in: the lexicon reader names the file and line (the .sgpb writer
  // refuses invalid UTF-8 too, as a last guard: io_sgpb_test).
  EXPECT_EQ(r.err.rfind("stakegraph: error: " + lex + ":1:", 0), 0u) << r.err;
  EXPECT_NE(r.err.find("UTF-8"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(out));
}

// ---- long names -----------------------------------------------------------------------------

TEST_F(SafeOutput, LongFileNames) {
  io::save_sgpb(test_support::story_graph(), path("g.sgpb"));
  for (const std::size_t length : {245u, 255u}) {
    const std::string name = path(std::string(length - 5, 'n') + ".sgpb");
    const auto r = run_stakegraph("convert " + quote(path("g.sgpb")) + " " + quote(name));
    EXPECT_EQ(r.status, 0) << length << ": " << r.err;
    EXPECT_TRUE(fs::exists(name)) << length;
  }
  const std::string target = path(std::string(245, 'i') + ".sgpb");  // 250 bytes
  const auto r = run_stakegraph("ingest -q " + quote(kArticle) + " -o " + quote(target));
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_GT(io::load_sgpb(target).node_count(), 0u);
}

}  // namespace
}  // namespace stakegraph
