// Issue 15, item 5: one JSON shape for nodes, edges and evidence (proto/query.proto). Before,
// `path --json` gave ids and one evidence string, `show`/`neighbors --json` evidence lacked
// title, url and date, and `ingest --json` was a usage error. Every --json output parses,
// and evidence objects have the same keys (with title, url, date, hedged, speaker) in show,
// neighbors, path and diff.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "io/formats/sgpb.hpp"
#include "tests/cli/run.hpp"
#include "tests/temp_dir.hpp"
#include "tests/test_graphs.hpp"

namespace stakegraph {
namespace {

using test_support::run_stakegraph;

class JsonShapeCli : public test_support::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    story_ = path("story.sgpb");
    io::save_sgpb(test_support::story_graph(), story_);
  }
  nlohmann::json json(const std::string& args) {
    const auto r = run_stakegraph(args);
    EXPECT_EQ(r.status, 0) << args << ": " << r.err;
    return nlohmann::json::parse(r.out);
  }
  std::string story_;
};

std::set<std::string> keys(const nlohmann::json& object) {
  std::set<std::string> k;
  for (const auto& [key, value] : object.items()) k.insert(key);
  return k;
}

const std::set<std::string> kEvidenceKeys{"text", "hedged", "speaker",    "article",  "title",
                                          "url",  "source", "date",       "sentence", "start",
                                          "end",  "rule",   "confidence", "mentions", "sources"};
// "weight" and "goldstein" appear only on edges that have them (issue 15: a file's own
// weight, GDELT's mean Goldstein score); the story graph's edges here have neither.
const std::set<std::string> kEdgeKeys{"source",      "target",        "relation", "sign",
                                      "first_seen",  "last_seen",     "evidence", "source_name",
                                      "target_name", "evidence_count"};
const std::set<std::string> kNodeKeys{"id", "name", "kind", "aliases", "attributes"};

TEST_F(JsonShapeCli, ShowEdgesAndEvidenceCarryTitleUrlDateHedgedSpeaker) {
  const auto j = json("show '" + story_ + "' 'United States' --json");
  EXPECT_EQ(keys(j.at("node")), kNodeKeys);
  EXPECT_EQ(j.at("node").at("kind"), "government");
  EXPECT_EQ(j.at("node").at("attributes").at("iso3166"), "US");
  bool sanction = false;
  for (const auto& e : j.at("edges")) {
    EXPECT_EQ(keys(e), kEdgeKeys) << e.dump();
    if (e.at("relation") != "SANCTION") continue;
    sanction = true;
    EXPECT_EQ(e.at("source_name"), "United States");
    EXPECT_EQ(e.at("target_name"), "Huawei");
    EXPECT_EQ(e.at("evidence_count"), 2);
    const auto& first = e.at("evidence").at(0);
    EXPECT_EQ(keys(first), kEvidenceKeys);
    EXPECT_EQ(first.at("title"), "US government 'urges' allies");
    EXPECT_EQ(first.at("url"), "https://x/1");
    EXPECT_EQ(first.at("date"), "2019-02-01");
    EXPECT_EQ(first.at("hedged"), false);
    EXPECT_EQ(first.at("speaker"), "");
    EXPECT_EQ(e.at("evidence").at(1).at("date"), "2019-05-15");
  }
  EXPECT_TRUE(sanction) << j.dump();
}

TEST_F(JsonShapeCli, SameEvidenceShapeInShowNeighborsAndPath) {
  const auto show = json("show '" + story_ + "' Germany --json");
  const auto neighbors = json("neighbors '" + story_ + "' Germany --json");
  const auto path = json("path '" + story_ + "' Germany Huawei --json");
  std::set<std::string> from_show, from_neighbors, from_path;
  for (const auto& e : show.at("edges"))
    for (const auto& ev : e.at("evidence")) from_show = keys(ev);
  for (const auto& e : neighbors.at("edges")) {
    EXPECT_EQ(keys(e), kEdgeKeys);
    for (const auto& ev : e.at("evidence")) from_neighbors = keys(ev);
  }
  for (const auto& n : neighbors.at("nodes")) EXPECT_EQ(keys(n), kNodeKeys);
  EXPECT_EQ(neighbors.at("center"), "germany");
  // Germany -> United States -> Huawei: hops with names, and the cited evidence in full.
  const auto& hops = path.at("paths").at(0).at("hops");
  ASSERT_EQ(hops.size(), 2u) << path.dump();
  EXPECT_EQ(hops[0].at("source_name"), "United States");
  EXPECT_EQ(hops[0].at("target_name"), "Germany");
  EXPECT_EQ(hops[1].at("target_name"), "Huawei");
  for (const auto& h : hops) {
    if (!h.contains("cited")) continue;  // allied_with carries no evidence
    from_path = keys(h.at("cited"));
    EXPECT_EQ(h.at("cited").at("text"), h.at("evidence"));
    EXPECT_FALSE(h.at("cited").at("title").get<std::string>().empty());
  }
  EXPECT_EQ(from_show, kEvidenceKeys);
  EXPECT_EQ(from_neighbors, kEvidenceKeys);
  EXPECT_EQ(from_path, kEvidenceKeys);
}

TEST_F(JsonShapeCli, EveryJsonCommandParses) {
  EXPECT_EQ(json("stats '" + story_ + "' --json").at("evidence"), 9);
  EXPECT_EQ(json("centrality '" + story_ + "' --metric pagerank --json").at("scores").size(), 10u);
  EXPECT_TRUE(json("clusters '" + story_ + "' --json").contains("clusters"));
  // ingest --json: a usage error before issue 15.
  const std::string article =
      write("a.txt",
            "US urges Germany to drop Huawei\nDate: 2019-05-15\nSource: Example News\n\n"
            "The United States urged Germany to ban Huawei from its 5G networks.\n");
  const auto ingest = json("ingest '" + article + "' -o '" + path("g.sgpb") + "' --json");
  EXPECT_EQ(ingest.at("articles"), 1);
  EXPECT_EQ(ingest.at("files"), 1);
  EXPECT_EQ(ingest.at("graph").at("path"), path("g.sgpb"));
  EXPECT_GE(ingest.at("graph").at("edges").get<int>(), 1);
  EXPECT_TRUE(ingest.at("graph").contains("evidence"));
  // The evidence of an ingested article: its title and date in the shared shape.
  const auto show = json("show '" + path("g.sgpb") + "' 'United States' --json");
  ASSERT_FALSE(show.at("edges").empty());
  const auto& ev = show.at("edges").at(0).at("evidence").at(0);
  EXPECT_EQ(ev.at("title"), "US urges Germany to drop Huawei");
  EXPECT_EQ(ev.at("date"), "2019-05-15");
  EXPECT_EQ(ev.at("source"), "Example News");
}

}  // namespace
}  // namespace stakegraph
