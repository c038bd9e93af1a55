// The extraction pipeline that `stakegraph extract`, `stakegraph ingest` and each rank of
// `stakegraph-mpi ingest` run: read the articles of a list of files one at a time
// (io/article.hpp), extract each into a graph of its own (Extractor::extract, io/extract.hpp),
// merge it into the graph of the articles before it (graph::merge_graph with
// extraction_merge_options()), and apply the corrections last (io/extract_corrections.hpp).
//
// The graph starts as the caller's (an existing graph file for ingest, empty for extract);
// the sentences of its evidence are remembered first, so a syndicated copy of an article
// ingested before adds no evidence. Articles are merged in file order, and in each file in
// reading order, so node ids, node and edge order and evidence order depend only on the
// files and their order. Re-extracting an article the graph holds changes nothing.
// Memory: the graph and one article (its text and its graph), not the corpus.
// Complexity: O(size of the articles) for extraction (io/extract.hpp) plus, per article,
// O(its nodes, edges and evidence) to merge it; the corrections O(V + E + evidence).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "graph/graph.hpp"
#include "io/article.hpp"
#include "io/extract.hpp"
#include "io/extract_corrections.hpp"
#include "io/lexicon.hpp"

namespace stakegraph::io {

struct ExtractPipelineOptions {
  // Article files in the order they are merged (io::list_article_files gives them sorted);
  // "-" reads standard input.
  std::vector<std::string> files;
  ArticleReadOptions read;
  // The lexicon to extract with (required; not owned) and the extractor's options (the
  // dictionaries they point to must outlive the call).
  const Lexicon* lexicon = nullptr;
  ExtractOptions extract;
  // Applied to the merged graph after the last article; nullptr: none. Not owned.
  const CorrectionSet* corrections = nullptr;
  // Called with each article as read, before it is extracted (its warnings), and after it
  // is merged (progress), with the index of its file in `files`; `articles` counts the
  // articles merged so far, this one included.
  std::function<void(const ArticleText& article, std::size_t file)> before_article;
  std::function<void(std::size_t file, std::size_t articles)> after_article;
  // Called after each file with the number of files done.
  std::function<void(std::size_t files_done)> on_file;
  // Called once before the corrections are applied (when there are some).
  std::function<void()> on_corrections;
};

struct ExtractPipelineResult {
  graph::Graph graph;           // the caller's graph with the articles merged, corrected
  std::size_t articles = 0;     // articles read
  ExtractStats stats;           // summed over the articles (stats.articles == articles)
  CorrectionStats corrections;  // what the corrections did
};

// Runs the pipeline (see the file comment) on `graph`. Throws graph::InvalidArgument without
// a lexicon; what the article reader throws (io::ParseError naming the file and line or byte
// offset); graph::Error "FILE: out of memory while extracting" when memory runs out during a
// file; and what the callbacks throw.
ExtractPipelineResult run_extract_pipeline(graph::Graph graph,
                                           const ExtractPipelineOptions& options);

}  // namespace stakegraph::io
