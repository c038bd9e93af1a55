// Distributed `import gdelt` for stakegraph-mpi (cli/mpi/import.cpp has the scheme).
// Collective: rank 0 calls import_gdelt_root with the options, every other rank
// import_gdelt_worker.
#pragma once

#include <boost/mpi/communicator.hpp>

#include "cli/import_gdelt.hpp"

namespace stakegraph::cli::mpi_cli {

// The checks of `stakegraph import gdelt` on the options (graph::InvalidArgument, NotFound),
// on rank 0 alone: called before the collective part.
void check_import_gdelt(const ImportGdeltOptions& options);

// Imports, writes the output and prints what `stakegraph import gdelt` prints. Throws
// graph::Error "rank R: ..." when a rank failed (nothing is written then), and the errors of
// writing the output.
void import_gdelt_root(const boost::mpi::communicator& comm, const ImportGdeltOptions& options);
void import_gdelt_worker(const boost::mpi::communicator& comm);

}  // namespace stakegraph::cli::mpi_cli
