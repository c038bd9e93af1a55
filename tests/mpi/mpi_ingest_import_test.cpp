// stakegraph-mpi ingest and import gdelt against stakegraph's: the same graph from the same
// articles or GDELT files, whatever the ranks (compared in canonical order, or byte for byte
// for GDELT), the same warnings, and a rank that fails on a file writes nothing. Part of
// mpi_cli_test (fixture and helpers in mpi_cli.hpp).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tests/mpi/mpi_cli.hpp"

namespace stakegraph::mpi_cli_test {
namespace {

// A graph file as JSON in canonical order: nodes, edges (with their evidence sorted) and
// articles, each sorted by their JSON text.
std::vector<std::vector<std::string>> canonical(const std::string& sgpb) {
  const std::string json = sgpb + ".json";
  const RunResult c = single("convert '" + sgpb + "' '" + json + "'");
  EXPECT_EQ(c.status, 0) << c.err;
  auto j = nlohmann::json::parse(slurp(json));
  std::vector<std::vector<std::string>> out(3);
  for (const auto& n : j["nodes"]) out[0].push_back(n.dump());
  for (auto e : j["edges"]) {
    std::vector<std::string> ev;
    for (const auto& x : e["evidence"]) ev.push_back(x.dump());
    std::sort(ev.begin(), ev.end());
    e["evidence"] = ev;
    out[1].push_back(e.dump());
  }
  for (const auto& a : j["articles"]) out[2].push_back(a.dump());
  for (auto& v : out) std::sort(v.begin(), v.end());
  return out;
}

TEST_P(MpiCli, IngestEqualsSingleProcessIngest) {
  const int np = GetParam();
  const std::string articles = std::string(STAKEGRAPH_SOURCE_DIR) + "/samples/articles";
  const fs::path want = work_dir() / "ingest_single.sgpb";
  const fs::path got = work_dir() / ("ingest_np" + std::to_string(np) + ".sgpb");
  fs::remove(want);
  fs::remove(got);
  const RunResult a = single("ingest -q '" + articles + "' -o '" + want.string() + "'");
  ASSERT_EQ(a.status, 0) << a.err;
  const RunResult b = distributed(np, "ingest '" + articles + "' -o '" + got.string() + "'");
  ASSERT_EQ(b.status, 0) << b.err;
  const auto x = canonical(want.string()), y = canonical(got.string());
  EXPECT_GE(x[0].size(), 20u) << "the samples give a graph worth comparing";
  EXPECT_EQ(x[0], y[0]) << "nodes";
  EXPECT_EQ(x[1], y[1]) << "edges and evidence";
  EXPECT_EQ(x[2], y[2]) << "articles";
}

// Issue 15: stakegraph-mpi ingest lacked --date-order and printed none of the warnings of
// `stakegraph ingest` (a JSON Lines article without a text field, an ambiguous header date).
// Now both programs print the same warning lines, in file order whatever the ranks, and
// --date-order gives the same graph.
TEST_P(MpiCli, IngestWarnsAndTakesDateOrderAsSingleProcessIngest) {
  const int np = GetParam();
  const fs::path dir = work_dir() / ("warn_articles_np" + std::to_string(np));
  fs::create_directories(dir);
  // a.txt: an ambiguous numeric date; b.jsonl: line 1 has no text field, line 2 has
  // "content"; c.txt: an unreadable date.
  std::ofstream(dir / "a.txt") << "Title: Telekom\nDate: 05/03/2024\n\nDeutsche Telekom, which "
                                  "buys much of its radio equipment from Huawei, said it "
                                  "supported common European rules.\n";
  std::ofstream(dir / "b.jsonl")
      << "{\"title\": \"empty\", \"date\": \"2024-01-02\"}\n"
      << "{\"title\": \"ban\", \"date\": \"2024-01-03\", \"content\": \"Canada has banned "
         "Huawei and ZTE from its 5G networks.\"}\n";
  std::ofstream(dir / "c.txt") << "Title: Odd\nDate: sometime in spring\n\nWashington welcomed "
                                  "the move.\n";
  auto warnings = [](const std::string& err) {
    std::vector<std::string> out;
    std::istringstream in(err);
    for (std::string l; std::getline(in, l);)
      if (l.rfind("stakegraph: warning: ", 0) == 0) out.push_back(l);
    return out;
  };
  for (const std::string order : {"", " --date-order mdy"}) {
    SCOPED_TRACE(order);
    const fs::path want = work_dir() / "warn_single.sgpb";
    const fs::path got = work_dir() / ("warn_np" + std::to_string(np) + ".sgpb");
    fs::remove(want);
    fs::remove(got);
    const RunResult a =
        single("ingest -q '" + dir.string() + "' -o '" + want.string() + "'" + order);
    ASSERT_EQ(a.status, 0) << a.err;
    const RunResult b =
        distributed(np, "ingest '" + dir.string() + "' -o '" + got.string() + "'" + order);
    ASSERT_EQ(b.status, 0) << b.err;
    const auto wa = warnings(a.err);
    EXPECT_EQ(wa, warnings(b.err)) << a.err << "\n---\n" << b.err;
    const std::string all = a.err;
    EXPECT_NE(all.find("b.jsonl:1"), std::string::npos) << all;  // no text field
    EXPECT_NE(all.find("sometime in spring"), std::string::npos) << all;
    EXPECT_EQ(all.find("ambiguous date") != std::string::npos, order.empty()) << all;
    EXPECT_EQ(wa.size(), order.empty() ? 3u : 2u) << all;
    const auto x = canonical(want.string()), y = canonical(got.string());
    EXPECT_EQ(x[1], y[1]) << "edges and evidence";
    EXPECT_EQ(x[2], y[2]) << "articles (their dates: 2024-05-03 with mdy)";
    bool may = false;  // a.txt's date read month first
    for (const std::string& article : y[2]) may |= article.find("2024-05-03") != std::string::npos;
    EXPECT_EQ(may, !order.empty());
  }
  const RunResult bad =
      distributed(np, "ingest '" + dir.string() + "' -o '" + (work_dir() / "x.sgpb").string() +
                          "' --date-order ymd");
  EXPECT_EQ(bad.status, 2) << bad.err;
  EXPECT_NE(bad.err.find("--date-order"), std::string::npos) << bad.err;
}

TEST_P(MpiCli, AFailingIngestRankWritesNothing) {
  const int np = GetParam();
  // The articles plus a binary file, sorted last: it falls on the last rank.
  const fs::path dir = work_dir() / ("bad_articles_np" + std::to_string(np));
  fs::create_directories(dir);
  for (const auto& e :
       fs::directory_iterator(std::string(STAKEGRAPH_SOURCE_DIR) + "/samples/articles"))
    fs::copy_file(e.path(), dir / e.path().filename(), fs::copy_options::overwrite_existing);
  std::ofstream(dir / "zz-binary.txt", std::ios::binary) << std::string("abc\0def\n", 8);
  const fs::path out = work_dir() / "kept.sgpb";
  std::ofstream(out, std::ios::binary) << "previous contents";
  const RunResult r = distributed(np, "ingest '" + dir.string() + "' -o '" + out.string() + "'");
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find("rank " + std::to_string(np - 1) + ": "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("zz-binary.txt"), std::string::npos) << r.err;
  EXPECT_EQ(slurp(out), "previous contents");
}

// ---- import gdelt (issue 17, item 2) ------------------------------------------------------

// The GDELT samples of tests/data/gdelt, as six files: the 710-row GDELT 1.0 sample cut into
// five parts, the GDELT 2.0 excerpt (header line, 61 columns), and the first part again (its
// events are duplicates, on another rank than the first copy).
std::vector<std::string> gdelt_files() {
  static const std::vector<std::string> files = [] {
    const std::string dir = std::string(STAKEGRAPH_SOURCE_DIR) + "/tests/data/gdelt/";
    std::istringstream in(slurp(dir + "gdelt1_events_sample_710rows.tsv"));
    std::vector<std::string> lines;
    for (std::string l; std::getline(in, l);) lines.push_back(l + "\n");
    std::vector<std::string> out;
    for (int part = 0; part < 5; ++part) {
      const fs::path p = work_dir() / ("gdelt_part" + std::to_string(part) + ".tsv");
      std::ofstream f(p, std::ios::binary);
      for (std::size_t i = lines.size() * part / 5; i < lines.size() * (part + 1) / 5; ++i)
        f << lines[i];
      out.push_back(p.string());
    }
    out.push_back(dir + "gdelt2_export_excerpt_7rows_newsnet.tsv");
    out.push_back(out.front());
    return out;
  }();
  return files;
}

std::string quoted(const std::vector<std::string>& files) {
  std::string s;
  for (const auto& f : files) s += "'" + f + "' ";
  return s;
}

// The --json summary without the time and the output path.
nlohmann::json import_summary(const std::string& out) {
  auto j = nlohmann::json::parse(out);
  j.erase("seconds");
  j["graph"].erase("path");
  return j;
}

TEST_P(MpiCli, ImportGdeltEqualsSingleProcessImport) {
  const int np = GetParam();
  for (const std::string opts :
       {"", " --keep-statements", " --since 2006-08-01 --root-codes 04,05,19"}) {
    SCOPED_TRACE("np " + std::to_string(np) + ": import gdelt" + opts);
    const fs::path want = work_dir() / "gdelt_single.sgpb";
    const fs::path got = work_dir() / ("gdelt_np" + std::to_string(np) + ".sgpb");
    fs::remove(want);
    fs::remove(got);
    const std::string args = "import gdelt -q " + quoted(gdelt_files()) + "--json" + opts;
    const RunResult a = single(args + " -o '" + want.string() + "'");
    ASSERT_EQ(a.status, 0) << a.err;
    const RunResult b = distributed(np, args + " -o '" + got.string() + "'");
    ASSERT_EQ(b.status, 0) << b.err;
    const auto x = import_summary(a.out), y = import_summary(b.out);
    EXPECT_GT(x["imported_rows"].get<int>(), 0);
    EXPECT_GT(x["duplicate_rows"].get<int>(), 0);  // the first part, read twice
    EXPECT_EQ(x, y);
    // The same graph, byte for byte (rank 0 builds it from the rows in file order).
    EXPECT_EQ(slurp(want), slurp(got));
  }
}

TEST_P(MpiCli, ImportGdeltIntoAnExistingGraphEqualsSingleProcess) {
  const int np = GetParam();
  // Both outputs start as the import of the first part; the other files are merged into it
  // (the running mean of the Goldstein scores continues from the edges already there).
  const std::vector<std::string> files = gdelt_files();
  const fs::path want = work_dir() / "gdelt_existing_single.sgpb";
  const fs::path got = work_dir() / ("gdelt_existing_np" + std::to_string(np) + ".sgpb");
  fs::remove(want);
  ASSERT_EQ(single("import gdelt -q '" + files[0] + "' -o '" + want.string() + "'").status, 0);
  fs::copy_file(want, got, fs::copy_options::overwrite_existing);
  const std::vector<std::string> rest(files.begin() + 1, files.end() - 1);
  const RunResult a = single("import gdelt -q " + quoted(rest) + "-o '" + want.string() + "'");
  ASSERT_EQ(a.status, 0) << a.err;
  const RunResult b =
      distributed(np, "import gdelt -q " + quoted(rest) + "-o '" + got.string() + "'");
  ASSERT_EQ(b.status, 0) << b.err;
  EXPECT_EQ(slurp(want), slurp(got));
  // The text summary too, but for the output's name and the time.
  auto untimed = [](const std::string& s) {
    const auto from = s.find(": imported");
    return s.substr(from, s.rfind(" articles (") - from);
  };
  EXPECT_EQ(untimed(a.out), untimed(b.out));
}

TEST_P(MpiCli, AFailingImportRankWritesNothing) {
  const int np = GetParam();
  // The sample's files and, last (on the last rank), a file that is not GDELT data.
  std::vector<std::string> files = gdelt_files();
  const fs::path notes = work_dir() / "notes.tsv";
  std::ofstream(notes) << "todo\tbuy milk\n";
  files.push_back(notes.string());
  const fs::path out = work_dir() / "gdelt_kept.sgpb";
  std::ofstream(out, std::ios::binary) << "previous contents";
  const RunResult r =
      distributed(np, "import gdelt -q " + quoted(files) + "-o '" + out.string() + "'");
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find("rank " + std::to_string(np - 1) + ": "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("notes.tsv"), std::string::npos) << r.err;
  EXPECT_EQ(slurp(out), "previous contents");
  // Bad options are refused before any rank reads, with the usage exit code.
  const RunResult bad = distributed(
      np, "import gdelt -q '" + files[0] + "' --root-codes 99 -o '" + out.string() + "'");
  EXPECT_EQ(bad.status, 2) << bad.err;
  EXPECT_EQ(slurp(out), "previous contents");
}

}  // namespace
}  // namespace stakegraph::mpi_cli_test
