// stakegraph-mpi ingest FILE|DIR... -o GRAPH.sgpb: distributed extraction. Every rank lists
// the article files the same way (io::list_article_files, sorted), takes one contiguous block
// of them (block partition of the file list, in order), extracts its articles with the
// pipeline of `stakegraph ingest` (io/extract_pipeline.hpp) into a graph of its own, and
// sends that graph to rank 0 as .sgpb bytes; rank 0 merges the parts in rank order into the
// existing graph (or an empty one) with graph::Graph::merge, which matches nodes by name or
// alias and edges by (source, target, relation) like the single-process ingest, applies
// --corrections, and writes atomically.
// Differences from `stakegraph ingest` (cli/mpi/README.md, distributed ingest): a sentence
// syndicated in two articles that fall on different ranks keeps both evidence items (the
// single-process extractor drops the later copy), and only rank 0 remembers the sentences of
// an existing graph. Node and edge order differ; tests compare after a canonical sort.
// Options and warnings: --date-order is read by cli/article_input.hpp on every rank, as
// `stakegraph ingest` reads it; each rank keeps its articles' warnings in order and rank 0
// prints them all, rank by rank (file order), as `stakegraph ingest` does.
// Faults: every rank's error (a bad article, a missing lexicon) is gathered on rank 0, which
// reports the first as "rank R: ..." and writes nothing (the existing file stays).
#include "cli/mpi/ingest.hpp"

#include <boost/mpi/collectives/broadcast.hpp>
#include <boost/mpi/collectives/gather.hpp>
#include <boost/serialization/string.hpp>
#include <boost/serialization/vector.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "cli/article_input.hpp"
#include "cli/text_output.hpp"
#include "graph/error.hpp"
#include "io/article.hpp"
#include "io/extract_corrections.hpp"
#include "io/extract_pipeline.hpp"
#include "io/formats/sgpb.hpp"
#include "io/lexicon.hpp"

namespace stakegraph::cli::mpi_cli {

namespace mpi = boost::mpi;

namespace {

// This rank's part: the graph of its block of files as .sgpb bytes, or an error.
struct Part {
  std::string error;
  std::string sgpb;
  std::uint64_t articles = 0;
  // The readers' warnings in file order: "w" + ArticleText::warning (printed through
  // ArticleWarnings) or "d" + the date warning line (article_date_warning_line).
  std::vector<std::string> warnings;
};

Part extract_part(const mpi::communicator& comm, const IngestJob& job) {
  Part part;
  try {
    io::LexiconOptions lo;
    lo.extra_files = job.lexicons;
    const io::Lexicon lex = io::Lexicon::load(lo);
    const std::vector<std::string> files = io::list_article_files(job.inputs);
    const auto n = static_cast<std::uint64_t>(files.size());
    const auto p = static_cast<std::uint64_t>(comm.size());
    const auto r = static_cast<std::uint64_t>(comm.rank());
    io::ExtractPipelineOptions po;
    po.files.assign(files.begin() + static_cast<std::ptrdiff_t>(n * r / p),
                    files.begin() + static_cast<std::ptrdiff_t>(n * (r + 1) / p));
    const auto dicts = load_dictionaries(job.dictionaries);
    po.lexicon = &lex;
    po.extract.dictionaries = dicts ? &*dicts : nullptr;
    po.extract.dictionary_actors = !job.dictionaries.files.empty();
    po.read = article_read_options(job.date_order);
    po.before_article = [&](const io::ArticleText& a, std::size_t) {
      if (!a.warning.empty()) part.warnings.push_back("w" + a.warning);
      if (std::string d = article_date_warning_line(a); !d.empty())
        part.warnings.push_back("d" + std::move(d));
    };
    const io::ExtractPipelineResult result = io::run_extract_pipeline({}, po);
    const graph::Graph& g = result.graph;
    part.articles = result.articles;
    std::ostringstream out;
    io::write_sgpb(g, out);
    part.sgpb = std::move(out).str();
  } catch (const std::exception& e) {
    part.error = e.what();
  }
  return part;
}

void broadcast_job(const mpi::communicator& comm, IngestJob& job) {
  mpi::broadcast(comm, job.inputs, 0);
  mpi::broadcast(comm, job.output, 0);
  mpi::broadcast(comm, job.lexicons, 0);
  mpi::broadcast(comm, job.corrections, 0);
  mpi::broadcast(comm, job.dictionaries.files, 0);
  mpi::broadcast(comm, job.dictionaries.none, 0);
  mpi::broadcast(comm, job.date_order, 0);
}

}  // namespace

void ingest_worker(const mpi::communicator& comm) {
  IngestJob job;
  broadcast_job(comm, job);
  Part part = extract_part(comm, job);
  mpi::gather(comm, part.error, 0);
  mpi::gather(comm, part.sgpb, 0);
  mpi::gather(comm, part.articles, 0);
  mpi::gather(comm, part.warnings, 0);
}

IngestSummary ingest_root(const mpi::communicator& comm, IngestJob job) {
  broadcast_job(comm, job);
  Part part = extract_part(comm, job);
  std::vector<std::string> errors, parts;
  std::vector<std::uint64_t> articles;
  mpi::gather(comm, part.error, errors, 0);
  mpi::gather(comm, part.sgpb, parts, 0);
  mpi::gather(comm, part.articles, articles, 0);
  std::vector<std::vector<std::string>> warnings;
  mpi::gather(comm, part.warnings, warnings, 0);
  for (std::size_t r = 0; r < errors.size(); ++r) {
    if (!errors[r].empty()) throw graph::Error("rank " + std::to_string(r) + ": " + errors[r]);
  }
  IngestSummary s;
  ArticleWarnings readers;
  for (const auto& rank_warnings : warnings) {
    for (const std::string& w : rank_warnings) {
      if (w.empty()) continue;
      if (w[0] == 'w') {
        readers.note(w.substr(1));
      } else {
        std::fprintf(stderr, "%s\n", w.c_str() + 1);
        ++s.date_warnings;
      }
    }
  }
  readers.finish();
  std::optional<io::CorrectionSet> corr;
  if (!job.corrections.empty()) corr = io::CorrectionSet::load(job.corrections);
  graph::Graph g;
  if (std::filesystem::exists(job.output)) g = io::load_sgpb(job.output);
  for (std::size_t r = 0; r < parts.size(); ++r) {
    std::istringstream in(parts[r]);
    g.merge(io::read_sgpb(in, "part of rank " + std::to_string(r)));
    s.articles += articles[r];
  }
  if (corr) g = corr->apply(g);
  io::save_sgpb(g, job.output);
  s.nodes = g.node_count();
  s.edges = g.edge_count();
  return s;
}

}  // namespace stakegraph::cli::mpi_cli
