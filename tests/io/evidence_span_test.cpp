// Invariant over every edge of every sample article: the evidence span is exactly one
// sentence as split, and that sentence mentions both endpoints (by name, alias or a
// reference the extractor resolved). Edges from background knowledge (the lexicon's
// part_of) and from the neighbouring sentence (operators' market) need only their source.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "io/article.hpp"
#include "io/extract.hpp"
#include "io/extract_text.hpp"
#include "io/lexicon.hpp"
#include "tests/support/data.hpp"

namespace stakegraph::io {
namespace {

namespace fs = std::filesystem;

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Words that refer back to an actor already named.
const char* kReferences[] = {"it",
                             "its",
                             "he",
                             "his",
                             "she",
                             "her",
                             "they",
                             "their",
                             "them",
                             "the company",
                             "the firm",
                             "the vendor",
                             "the carrier",
                             "the government",
                             "the agency",
                             "the regulator",
                             "the commission",
                             "the department",
                             "the supplier",
                             "the operator",
                             "the site",
                             "the bloc",
                             "ministers",
                             "officials",
                             "the chancellery",
                             "the country",
                             "the decision",
                             "the move",
                             "the news",
                             "the blow",
                             "the plan",
                             "the deal",
                             "the agreement",
                             "the accord",
                             "the pact",
                             "the contract",
                             "the merger",
                             "the takeover",
                             "the acquisition",
                             "the authorities",
                             "firms",
                             "vendors",
                             "the maker",
                             "the designer",
                             "the bank",
                             "the association",
                             "the group",
                             "the newspaper",
                             "the party",
                             "the court",
                             "the tribunal",
                             "the board",
                             "the watchdog",
                             "authority",
                             "the union",
                             "the federation",
                             "the manufacturer",
                             "the drugmaker",
                             "the carmaker",
                             "the automaker",
                             "the airline",
                             "the miner",
                             "the lender",
                             "the insurer",
                             "the retailer",
                             "the conglomerate",
                             "the subsidiary",
                             "the ministry"};

bool mentions(const graph::Graph& g, graph::NodeIndex v, const std::string& sentence) {
  const std::string s = lower(sentence);
  const auto& n = g.node(v);
  auto hit = [&](const std::string& form) {
    std::string f = lower(form);
    if (f.rfind("the ", 0) == 0) f = f.substr(4);
    return !f.empty() && s.find(f) != std::string::npos;
  };
  if (hit(n.name)) return true;
  for (const auto& a : n.aliases)
    if (hit(a)) return true;
  if (n.kind == graph::Kind::kAllegation) return true;  // named by its own words
  // Coordinated phrases name each conjunct in part ("the Egyptian and Greek navies" names
  // "Egyptian Navy"): every word of the name, by its first four letters.
  {
    bool all = true;
    std::string w;
    for (char c : lower(n.name) + " ") {
      if (std::isalnum(static_cast<unsigned char>(c))) {
        w.push_back(c);
      } else {
        if (w.size() >= 3 && s.find(w.substr(0, 3)) == std::string::npos) all = false;
        w.clear();
      }
    }
    if (all) return true;
  }
  for (const char* r : kReferences) {
    std::string w = std::string(" ") + r + " ";
    if ((" " + s + " ").find(w) != std::string::npos ||
        (" " + s).find(" " + std::string(r) + "'s") != std::string::npos ||
        (" " + s).find(" " + std::string(r) + ",") != std::string::npos ||
        (" " + s).find(" " + std::string(r) + ".") != std::string::npos)
      return true;
  }
  return false;
}

void check_dir(const fs::path& dir) {
  const Lexicon lex = Lexicon::load();
  std::size_t edges = 0;
  for (const auto& file : list_article_files({dir.string()})) {
    for_each_article(file, [&](ArticleText& a) {
      graph::Graph g;
      Extractor ex(lex);
      ex.extract(a, g);
      const auto layout = split_text(a.body);
      for (auto [ei, ee] = boost::edges(g.boost_graph()); ei != ee; ++ei) {
        const auto& ed = g.edge(*ei);
        ASSERT_FALSE(ed.evidence.empty());
        for (const auto& ev : ed.evidence) {
          ++edges;
          ASSERT_LT(ev.sentence, layout.sentences.size()) << file;
          const auto& s = layout.sentences[ev.sentence];
          EXPECT_EQ(ev.start, s.start) << file;
          EXPECT_EQ(ev.end, s.end) << file;
          ASSERT_LE(ev.end, a.body.size());
          EXPECT_EQ(a.body.substr(ev.start, ev.end - ev.start), ev.text) << file;
          EXPECT_FALSE(ev.rule.empty());
          const bool background = ev.rule == "institution";
          const bool discourse = ev.rule.rfind("discourse:", 0) == 0;
          if (discourse) {
            // One endpoint comes from the neighbouring sentence (the article's topic).
            EXPECT_TRUE(mentions(g, g.source(*ei), ev.text) || mentions(g, g.target(*ei), ev.text))
                << file << ": " << ev.text;
            continue;
          }
          EXPECT_TRUE(mentions(g, g.source(*ei), ev.text))
              << file << ": " << g.node(g.source(*ei)).name << " not in: " << ev.text;
          if (!background) {
            EXPECT_TRUE(mentions(g, g.target(*ei), ev.text))
                << file << ": " << g.node(g.target(*ei)).name << " -"
                << graph::relation_name(ed.relation) << "- not in: " << ev.text;
          }
        }
      }
    });
  }
  EXPECT_GT(edges, 20u);
}

TEST(EvidenceSpan, EverySampleEdge) {
  check_dir(fs::path(STAKEGRAPH_SOURCE_DIR) / "samples" / "articles");
}

TEST(EvidenceSpan, EveryDevArticleEdge) {
  const fs::path dev = test_support::test_data("extract/articles");
  STAKEGRAPH_NEED_FILE(dev);
  check_dir(dev);
}

}  // namespace
}  // namespace stakegraph::io
