// The data document of an HTML story report (io/report/report_html.hpp): one JSON document
// per report, embedded in the page (in two parts: io/report/report_embed.hpp), that the
// page's script reads. Its parts use the shapes
// the CLI already prints, so that a script can read a report like any other output:
//
//   {"format": "stakegraph-report", "format_version": 1,
//    "title", "graph_file", "selection",            // what the report shows (display text)
//    "nodes": [...], "edges": [...], "articles": [...],   // the ontology's JSON shape
//                                                   // (io/formats/json_format.hpp) plus the fields
//                                                   below
//    "pagerank": {...}, "betweenness": {...},       // `stakegraph centrality --json`
//    "camps": {...},                                // `stakegraph clusters --method camps --json`
//    "camp_frustration": [{"id", "inside", "across"}],
//    "timeline": {"unit": "day"|"month", "bins": [{"period", "count"}], "undated"},
//    "dates": ["YYYY-MM-DD", ...]}                  // every evidence date, sorted, distinct
//
// Extra fields:
// - node: "svg" (the id of its drawing, io::svg_node_id), "cameo" (attribute "cameo", "" if
//   none), "in_degree", "out_degree", "pagerank", "pagerank_rank", "betweenness",
//   "betweenness_rank" (rank 1 = highest, ties by node id, as `centrality` lists them),
//   "camp" (its camp's id in "camps").
// - edge: "svg" (the id of the drawn edge that shows it; several relations from one node to
//   another share one when merged, io::drawn_edges), "hedged" (it has evidence and all of it
//   is hedged).
// - evidence: "evidence_date" (its own date, else its article's, "" if neither:
//   graph::evidence_date) and "marks": [[from, to], ...], the places in "text" where the
//   edge's endpoints are named (canonical name or alias, ASCII case-insensitive, whole
//   words), in UTF-16 code units as a browser counts them, sorted and disjoint.
// - article: only articles cited by some evidence, by date then title (undated last), with
//   "edges" (edges it gives evidence to) and "evidence" (its evidence items).
//
// Centralities are computed on the graph given (the report's selection): PageRank and exact
// betweenness on the undirected view with `centrality`'s defaults (betweenness is sampled
// with kReportBetweennessSamples sources above kReportExactBetweennessUpTo nodes); camps with
// graph::camps defaults. "camp_frustration" splits the camps' frustration by camp: "inside"
// is the weight of conflictual ties within the camp, "across" of cooperative ties from it to
// other camps (so the total frustration is the sum of "inside" plus half the sum of
// "across"). Timeline unit: days when the dated evidence spans at most kTimelineDaysUpTo
// days, else months ("YYYY-MM").
// Text is UTF-8; invalid bytes are written as U+FFFD. The document is deterministic: the
// same graph and options give the same bytes.
// Complexity: O(V E) for betweenness (sampled: O(k E)), plus O(evidence * forms * sentence)
// for the marks (at most kMaxMarkForms names per edge), plus sorting.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/edge_weight.hpp"
#include "graph/graph.hpp"

namespace stakegraph::io::report {

inline constexpr int kReportFormatVersion = 1;
inline constexpr std::uint32_t kReportExactBetweennessUpTo = 3000;
inline constexpr std::uint32_t kReportBetweennessSamples = 500;
inline constexpr int kTimelineDaysUpTo = 92;
inline constexpr std::size_t kMaxMarkForms = 64;

struct ReportDataOptions {
  std::string title;
  std::string graph_file;       // shown as given
  std::string selection;        // how it was selected, as display text ("--focus Huawei")
  bool merge_parallel = false;  // as the drawing (DrawOptions::merge_parallel)
  // The rankings' weights, as `centrality` takes them (kNone: unweighted): PageRank follows
  // edges by weight, a betweenness hop costs 1 / weight; weights must be positive.
  graph::WeightSource weight = graph::WeightSource::kNone;
};

// The data document as compact JSON text (UTF-8, not yet escaped for HTML: see
// embed_json_for_script in io/report/report_html.hpp). Throws graph::Error if protobuf cannot
// print a part.
std::string report_data_json(const graph::Graph& g, const ReportDataOptions& options);

// The marks of `text` (see the file comment): every whole-word, ASCII case-insensitive
// occurrence of one of `forms`, longest first where they overlap, as [from, to) in UTF-16
// code units. Empty forms are ignored.
std::vector<std::pair<std::size_t, std::size_t>> find_marks(std::string_view text,
                                                            const std::vector<std::string>& forms);

}  // namespace stakegraph::io::report
