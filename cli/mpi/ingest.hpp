// Distributed ingest for stakegraph-mpi (cli/mpi/ingest.cpp has the scheme and its limits).
// Collective: rank 0 calls ingest_root with the job, every other rank ingest_worker.
#pragma once

#include <boost/mpi/communicator.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "cli/dictionary_options.hpp"

namespace stakegraph::cli::mpi_cli {

struct IngestJob {
  std::vector<std::string> inputs;
  std::string output;
  std::vector<std::string> lexicons;
  std::string corrections;
  DictionaryCliOptions dictionaries;  // as stakegraph ingest (cli/dictionary_options.hpp)
  std::string date_order;             // --date-order (cli/article_input.hpp), "" not given
  bool quiet = false;  // accepted for stakegraph ingest's options; there is no progress bar
};

struct IngestSummary {
  std::uint64_t articles = 0;
  std::uint64_t date_warnings = 0;
  std::size_t nodes = 0;
  std::size_t edges = 0;
};

// Throws graph::Error "rank R: ..." when a rank failed (nothing is written then), and the
// errors of reading the existing graph or the corrections file, or of writing the output.
// The article readers' warnings (an article without text, an unreadable or ambiguous header
// date) are gathered from the ranks and printed by rank 0 on stderr in file order, in the
// words of `stakegraph ingest` (cli/text_output.hpp ArticleWarnings, cli/article_input.hpp).
IngestSummary ingest_root(const boost::mpi::communicator& comm, IngestJob job);
void ingest_worker(const boost::mpi::communicator& comm);

}  // namespace stakegraph::cli::mpi_cli
