// stakegraph-mpi import gdelt FILE... -o GRAPH: the GDELT import with the reading shared out.
// Every rank takes one contiguous block of the files (block partition of the file list, in
// the order given) and scans it with io::scan_gdelt: reading, decompressing, parsing,
// checking and filtering the rows (the steps of io/gdelt/gdelt.hpp up to the duplicate check), in
// parallel. Rank 0 then imports the rows the scans kept with io::import_gdelt_scans, in rank
// order, i.e. in file order: the node identity rules (lexicon, CAMEO roles), the duplicate
// events, the running mean of the Goldstein scores and every count are those of
// `stakegraph import gdelt` on the same files, which gives the same graph, byte for byte,
// and prints the same summary. The graph building itself stays on rank 0 (one graph file
// is written, and the merge order decides node identity and edge weights).
// Faults: every rank's error (a missing or damaged file, --strict on a malformed row) is
// gathered on rank 0 before anything is imported; rank 0 reports the first as "rank R: ..."
// and the output file is left as it was. Memory per rank: the text of its kept rows.
#include "cli/mpi/import.hpp"

#include <boost/mpi/collectives/broadcast.hpp>
#include <boost/mpi/collectives/gather.hpp>
#include <boost/serialization/string.hpp>
#include <boost/serialization/vector.hpp>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/common.hpp"
#include "cli/printable_output.hpp"
#include "graph/error.hpp"
#include "io/file_lock.hpp"
#include "io/formats/formats.hpp"
#include "io/gdelt/lexicon_lookup.hpp"
#include "io/lexicon.hpp"

namespace stakegraph::cli::mpi_cli {

namespace mpi = boost::mpi;

namespace {

constexpr int kScanTag = 21;

void broadcast_options(const mpi::communicator& comm, ImportGdeltOptions& o) {
  mpi::broadcast(comm, o.inputs, 0);
  mpi::broadcast(comm, o.output, 0);
  mpi::broadcast(comm, o.since, 0);
  mpi::broadcast(comm, o.until, 0);
  mpi::broadcast(comm, o.root_codes, 0);
  mpi::broadcast(comm, o.keep_statements, 0);
  mpi::broadcast(comm, o.strict, 0);
  mpi::broadcast(comm, o.lexicons, 0);
}

// This rank's scan of its block of the files, or its error.
io::GdeltScan scan_part(const mpi::communicator& comm, const ImportGdeltOptions& o,
                        std::string& error) {
  try {
    io::GdeltImportOptions opts = gdelt_import_options(o);
    io::LexiconOptions lo;
    lo.extra_files = o.lexicons;
    const io::Lexicon lex = io::Lexicon::load(lo);
    opts.lookup = io::gdelt_lexicon_lookup(lex);
    const auto n = static_cast<std::uint64_t>(o.inputs.size());
    const auto p = static_cast<std::uint64_t>(comm.size());
    const auto r = static_cast<std::uint64_t>(comm.rank());
    const std::vector<std::string> mine(
        o.inputs.begin() + static_cast<std::ptrdiff_t>(n * r / p),
        o.inputs.begin() + static_cast<std::ptrdiff_t>(n * (r + 1) / p));
    return io::scan_gdelt(mine, opts);
  } catch (const std::bad_alloc&) {
    error = "out of memory";
  } catch (const std::exception& e) {
    error = e.what();
  }
  return {};
}

// A scan's counts as numbers and strings (its malformed rows), for the message to rank 0.
std::vector<std::uint64_t> numbers_of(const io::GdeltImportResult& c) {
  std::vector<std::uint64_t> v{c.files,
                               c.lines,
                               c.header_lines,
                               c.blank_lines,
                               c.rows,
                               c.rows_57,
                               c.rows_58,
                               c.rows_61,
                               c.malformed_rows,
                               c.filtered_by_date,
                               c.filtered_by_root,
                               c.no_actor_rows,
                               c.one_actor_rows,
                               c.statements_skipped};
  for (const auto& m : c.malformed) v.push_back(m.line);
  return v;
}

std::vector<std::string> strings_of(const io::GdeltImportResult& c) {
  std::vector<std::string> v;
  for (const auto& m : c.malformed) {
    v.push_back(m.file);
    v.push_back(m.reason);
  }
  return v;
}

io::GdeltImportResult counts_from(const std::vector<std::uint64_t>& v,
                                  const std::vector<std::string>& s) {
  io::GdeltImportResult c;
  std::uint64_t* const fields[] = {&c.files,
                                   &c.lines,
                                   &c.header_lines,
                                   &c.blank_lines,
                                   &c.rows,
                                   &c.rows_57,
                                   &c.rows_58,
                                   &c.rows_61,
                                   &c.malformed_rows,
                                   &c.filtered_by_date,
                                   &c.filtered_by_root,
                                   &c.no_actor_rows,
                                   &c.one_actor_rows,
                                   &c.statements_skipped};
  constexpr std::size_t kFields = sizeof fields / sizeof fields[0];
  for (std::size_t i = 0; i < kFields && i < v.size(); ++i) *fields[i] = v[i];
  for (std::size_t i = kFields, k = 0; i < v.size() && k + 1 < s.size(); ++i, k += 2)
    c.malformed.push_back({s[k], v[i], s[k + 1]});
  return c;
}

}  // namespace

void import_gdelt_worker(const mpi::communicator& comm) {
  ImportGdeltOptions o;
  broadcast_options(comm, o);
  std::string error;
  io::GdeltScan scan = scan_part(comm, o, error);
  mpi::gather(comm, error, 0);
  bool go = false;
  mpi::broadcast(comm, go, 0);
  if (!go) return;
  comm.send(0, kScanTag, numbers_of(scan.counts));
  comm.send(0, kScanTag, strings_of(scan.counts));
  comm.send(0, kScanTag, scan.rows);
}

void check_import_gdelt(const ImportGdeltOptions& options) {
  io::scan_gdelt({}, gdelt_import_options(options));  // scanning no file checks the root codes
}

void import_gdelt_root(const mpi::communicator& comm, const ImportGdeltOptions& options) {
  const auto t0 = std::chrono::steady_clock::now();
  ImportGdeltOptions o = options;
  broadcast_options(comm, o);
  std::string error;
  io::GdeltScan own = scan_part(comm, o, error);
  std::vector<std::string> errors;
  mpi::gather(comm, error, errors, 0);

  // Rank 0's own part of the work before the go: the lock and the existing graph.
  std::string failure;
  for (std::size_t r = 0; r < errors.size() && failure.empty(); ++r)
    if (!errors[r].empty()) failure = "rank " + std::to_string(r) + ": " + errors[r];
  std::unique_ptr<io::FileLock> lock;
  graph::Graph g;
  if (failure.empty()) {
    try {
      // (FileLock cannot move: built in place from lock_for_update's result.)
      lock.reset(new io::FileLock(lock_for_update(o.output, o.no_wait)));
      if (std::filesystem::exists(o.output)) g = io::load_graph(o.output);
    } catch (const std::exception& e) {
      failure = "rank 0: " + std::string(e.what());
    }
  }
  bool go = failure.empty();
  mpi::broadcast(comm, go, 0);
  if (!go) throw graph::Error(failure);

  const std::size_t nodes_before = g.node_count();
  int next_rank = 0;
  auto next = [&](io::GdeltScan& scan) {
    if (next_rank >= comm.size()) return false;
    if (next_rank == 0) {
      scan = std::move(own);
    } else {
      std::vector<std::uint64_t> numbers;
      std::vector<std::string> strings;
      comm.recv(next_rank, kScanTag, numbers);
      comm.recv(next_rank, kScanTag, strings);
      comm.recv(next_rank, kScanTag, scan.rows);
      scan.counts = counts_from(numbers, strings);
    }
    ++next_rank;
    return true;
  };
  io::GdeltImportResult r;
  try {
    io::GdeltImportOptions opts = gdelt_import_options(o);
    io::LexiconOptions lo;
    lo.extra_files = o.lexicons;
    const io::Lexicon lex = io::Lexicon::load(lo);  // as every rank loaded it for its scan
    opts.lookup = io::gdelt_lexicon_lookup(lex);
    r = naming_oom(o.output, "importing GDELT events into it",
                   [&] { return io::import_gdelt_scans(g, next, opts); });
  } catch (...) {
    // The ranks not yet heard from are waiting to send: take their messages, then report.
    io::GdeltScan drop;
    while (next(drop)) drop = {};
    throw;
  }
  io::save_graph(g, o.output);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const PrintableOutput text(std::cout);
  print_import_gdelt(o, r, g, nodes_before, seconds, std::cout);
}

}  // namespace stakegraph::cli::mpi_cli
