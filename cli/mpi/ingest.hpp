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
  bool quiet = false;  // accepted for stakegraph ingest's options; there is no progress bar
};

struct IngestSummary {
  std::uint64_t articles = 0;
  std::size_t nodes = 0;
  std::size_t edges = 0;
};

// Throws graph::Error "rank R: ..." when a rank failed (nothing is written then), and the
// errors of reading the existing graph or the corrections file, or of writing the output.
IngestSummary ingest_root(const boost::mpi::communicator& comm, IngestJob job);
void ingest_worker(const boost::mpi::communicator& comm);

}  // namespace stakegraph::cli::mpi_cli
