// The distributed read of a .sgpb file by frame ranges (cli/mpi/frame_read.hpp).
#include "cli/mpi/frame_read.hpp"

#include <algorithm>
#include <boost/mpi/collectives/all_gather.hpp>
#include <boost/mpi/collectives/all_reduce.hpp>
#include <boost/mpi/collectives/all_to_all.hpp>
#include <boost/mpi/collectives/broadcast.hpp>
#include <boost/mpi/collectives/gather.hpp>
#include <boost/mpi/collectives/scan.hpp>
#include <boost/serialization/string.hpp>
#include <boost/serialization/utility.hpp>
#include <boost/serialization/vector.hpp>
#include <cstring>
#include <functional>
#include <new>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "graph/names.hpp"
#include "io/error.hpp"
#include "io/formats/sgpb.hpp"
#include "io/formats/sgpb_frames.hpp"
#include "io/formats/sgpb_v3_frames.hpp"

namespace stakegraph::cli::mpi_cli {

namespace mpi = boost::mpi;
using graph::distributed::BlockPartition;
using graph::distributed::LocalCsr;

namespace {

// Every rank's error (empty: none) is shared; when one failed, every rank throws RankError
// naming the first rank that failed.
void agree(const mpi::communicator& comm, const std::string& error) {
  std::vector<std::string> all;
  mpi::all_gather(comm, error, all);
  for (std::size_t r = 0; r < all.size(); ++r)
    if (!all[r].empty()) throw RankError("rank " + std::to_string(r) + ": " + all[r]);
}

// Runs this rank's local work, then agrees on errors.
template <typename F>
void step(const mpi::communicator& comm, F&& work) {
  std::string error;
  try {
    work();
  } catch (const std::bad_alloc&) {
    error = "out of memory";
  } catch (const std::exception& e) {
    error = e.what();
    if (error.empty()) error = "unknown error";
  }
  agree(comm, error);
}

// Messages: one byte string per destination rank, of fixed-width integers and
// length-prefixed strings (all ranks run the same binary, so host byte order is shared).
class Packer {
 public:
  explicit Packer(std::string& out) : out_(out) {}
  void u32(std::uint32_t v) { out_.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void str(const std::string& s) {
    u32(static_cast<std::uint32_t>(s.size()));
    out_.append(s);
  }

 private:
  std::string& out_;
};

class Unpacker {
 public:
  explicit Unpacker(const std::string& in) : in_(in) {}
  bool done() const { return at_ >= in_.size(); }
  std::uint32_t u32() {
    std::uint32_t v = 0;
    std::memcpy(&v, in_.data() + at_, sizeof v);
    at_ += sizeof v;
    return v;
  }
  std::string str() {
    const std::uint32_t n = u32();
    std::string s = in_.substr(at_, n);
    at_ += n;
    return s;
  }

 private:
  const std::string& in_;
  std::size_t at_ = 0;
};

std::vector<std::string> exchange(const mpi::communicator& comm, std::vector<std::string>& out) {
  std::vector<std::string> in;
  mpi::all_to_all(comm, out, in);
  out.clear();
  out.resize(static_cast<std::size_t>(comm.size()));
  return in;
}

// The directory rank of a node id: FNV-1a, the same on every rank.
int directory_rank(const std::string& id, int ranks) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : id) h = (h ^ c) * 0x100000001b3ull;
  return static_cast<int>(h % static_cast<std::uint64_t>(ranks));
}

std::vector<std::uint64_t> flatten(const io::SgpbFrameIndex& x) {
  std::vector<std::uint64_t> v{x.file_bytes, x.format_version, x.node_count,
                               x.edge_count, x.article_count,  x.bytes_read};
  for (const io::SgpbFrameInfo& f : x.frames) {
    v.push_back(f.offset);
    v.push_back(f.length);
    v.push_back(f.crc);
    v.push_back(static_cast<std::uint64_t>(f.section));
  }
  return v;
}

io::SgpbFrameIndex unflatten(const std::vector<std::uint64_t>& v) {
  io::SgpbFrameIndex x;
  x.file_bytes = v[0];
  x.format_version = static_cast<std::uint32_t>(v[1]);
  x.node_count = v[2];
  x.edge_count = v[3];
  x.article_count = v[4];
  x.bytes_read = v[5];
  for (std::size_t i = 6; i + 3 < v.size(); i += 4) {
    io::SgpbFrameInfo f;
    f.offset = v[i];
    f.length = static_cast<std::uint32_t>(v[i + 1]);
    f.crc = static_cast<std::uint32_t>(v[i + 2]);
    f.section = static_cast<io::SgpbSection>(v[i + 3]);
    x.frames.push_back(f);
  }
  return x;
}

// This rank's frames of one section: the section's frames cut into `ranks` contiguous
// ranges by bytes (a frame goes to the rank its middle byte falls to).
std::pair<std::size_t, std::size_t> share(const io::SgpbFrameIndex& x, io::SgpbSection s, int rank,
                                          int ranks) {
  std::uint64_t total = 0;
  for (const auto& f : x.frames)
    if (f.section == s) total += f.bytes();
  std::size_t first = x.frames.size(), last = x.frames.size();
  bool found = false;
  std::uint64_t before = 0;
  for (std::size_t i = 0; i < x.frames.size(); ++i) {
    const io::SgpbFrameInfo& f = x.frames[i];
    if (f.section != s) continue;
    const auto owner = static_cast<int>(std::min<std::uint64_t>(
        static_cast<std::uint64_t>(ranks) - 1,
        (before + f.bytes() / 2) * static_cast<std::uint64_t>(ranks) / total));
    before += f.bytes();
    if (owner == rank) {
      if (!found) first = i;
      found = true;
      last = i + 1;
    }
  }
  if (!found) first = last = 0;
  return {first, last};
}

struct Arc {
  std::uint32_t from, to;
  float w;
};

// Rows of the block [first, first + count) from its arcs, as graph::build_csr fills them:
// sorted by target, parallel arcs merged (weights summed).
void fill_rows(std::uint32_t first, std::uint32_t count, std::vector<Arc>& arcs, bool weighted,
               std::vector<std::uint64_t>& offsets, std::vector<std::uint32_t>& ids,
               std::vector<float>& weights) {
  std::sort(arcs.begin(), arcs.end(), [](const Arc& a, const Arc& b) {
    return a.from != b.from ? a.from < b.from : a.to < b.to;
  });
  offsets.assign(static_cast<std::size_t>(count) + 1, 0);
  ids.clear();
  weights.clear();
  std::size_t i = 0;
  for (std::uint32_t lv = 0; lv < count; ++lv) {
    const std::uint32_t v = first + lv;
    for (; i < arcs.size() && arcs[i].from == v; ++i) {
      if (ids.size() > offsets[lv] && ids.back() == arcs[i].to) {
        if (weighted) weights.back() += arcs[i].w;
        continue;
      }
      ids.push_back(arcs[i].to);
      if (weighted) weights.push_back(arcs[i].w);
    }
    offsets[lv + 1] = ids.size();
  }
  arcs.clear();
  arcs.shrink_to_fit();
}

// ---- format version 3 --------------------------------------------------------------------

std::vector<std::uint64_t> flatten(const io::SgpbV3Index& x) {
  std::vector<std::uint64_t> v{x.file_bytes, x.node_count,    x.edge_count,        x.evidence_count,
                               x.bytes_read, x.article_count, x.node_tables.size()};
  for (const auto& t : x.node_tables) v.insert(v.end(), {t.offset, t.length, t.first, t.count});
  for (const auto& t : x.edge_tables) v.insert(v.end(), {t.offset, t.length, t.first, t.count});
  return v;
}

io::SgpbV3Index unflatten_v3(const std::vector<std::uint64_t>& v) {
  io::SgpbV3Index x;
  x.file_bytes = v[0];
  x.node_count = v[1];
  x.edge_count = v[2];
  x.evidence_count = v[3];
  x.bytes_read = v[4];
  x.article_count = v[5];
  for (std::size_t i = 7; i + 3 < v.size(); i += 4) {
    const io::SgpbV3Table t{.offset = v[i],
                            .length = static_cast<std::uint32_t>(v[i + 1]),
                            .first = v[i + 2],
                            .count = v[i + 3]};
    ((i - 7) / 4 < v[6] ? x.node_tables : x.edge_tables).push_back(t);
  }
  return x;
}

// This rank's tables: cut into `ranks` contiguous ranges by bytes, as share() does.
std::pair<std::size_t, std::size_t> share_tables(const std::vector<io::SgpbV3Table>& tables,
                                                 int rank, int ranks) {
  std::uint64_t total = 0, before = 0;
  for (const auto& t : tables) total += t.bytes();
  std::size_t first = 0, last = 0;
  bool found = false;
  for (std::size_t i = 0; i < tables.size(); ++i) {
    const auto owner = static_cast<int>(std::min<std::uint64_t>(
        static_cast<std::uint64_t>(ranks) - 1,
        (before + tables[i].bytes() / 2) * static_cast<std::uint64_t>(ranks) / total));
    before += tables[i].bytes();
    if (owner != rank) continue;
    if (!found) first = i;
    found = true;
    last = i + 1;
  }
  return {first, last};
}

// Out-arc s -> t to the owner of s; t's arc (in-arc, or the reverse of an undirected edge)
// to the owner of t.
void send_arc(std::vector<std::string>& to_owner, const BlockPartition& part, bool directed,
              std::uint32_t s, std::uint32_t t, std::uint32_t bits) {
  Packer a(to_owner[static_cast<std::size_t>(part.owner(s))]);
  a.u32(0);
  a.u32(s);
  a.u32(t);
  a.u32(bits);
  Packer b(to_owner[static_cast<std::size_t>(part.owner(t))]);
  b.u32(directed ? 1 : 0);
  b.u32(t);
  b.u32(s);
  b.u32(bits);
}

// Sends the arcs of send_arc to their owners and fills this rank's rows with the arcs it
// receives.
void build_rows(const mpi::communicator& comm, std::vector<std::string>& to_owner,
                const graph::CsrOptions& options, LocalCsr& rows) {
  std::vector<std::string> in = exchange(comm, to_owner);
  std::vector<Arc> out_arcs, in_arcs;
  for (const std::string& m : in) {
    for (Unpacker u(m); !u.done();) {
      const std::uint32_t kind = u.u32();
      Arc a{};
      a.from = u.u32();
      a.to = u.u32();
      const std::uint32_t bits = u.u32();
      std::memcpy(&a.w, &bits, sizeof bits);
      (kind == 0 ? out_arcs : in_arcs).push_back(a);
    }
  }
  in.clear();
  fill_rows(rows.first, rows.local_count(), out_arcs, options.weighted, rows.offsets, rows.targets,
            rows.weights);
  if (options.directed)
    fill_rows(rows.first, rows.local_count(), in_arcs, options.weighted, rows.in_offsets,
              rows.in_sources, rows.in_weights);
}

std::uint64_t mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

// A hash of row v (its neighbours and weights); rows are summed, so the order of the ranks
// does not matter.
std::uint64_t row_hash(std::uint64_t salt, std::uint32_t v, const std::uint64_t* offsets,
                       const std::vector<std::uint32_t>& ids, const std::vector<float>& w) {
  std::uint64_t h = mix(salt ^ v);
  for (std::uint64_t i = offsets[0]; i < offsets[1]; ++i) {
    std::uint32_t bits = 0;
    if (!w.empty()) std::memcpy(&bits, &w[i], sizeof bits);
    h = mix(h ^ (static_cast<std::uint64_t>(ids[i]) << 32 | bits));
  }
  return h;
}

std::uint64_t fingerprint(const graph::Csr& c) {
  std::uint64_t sum = 0;
  for (std::uint32_t v = 0; v < c.n; ++v) {
    sum += row_hash(1, v, &c.offsets[v], c.targets, c.weights);
    if (c.directed) sum += row_hash(2, v, &c.in_offsets[v], c.in_sources, c.in_weights);
  }
  return sum;
}

std::uint64_t fingerprint(const LocalCsr& c) {
  std::uint64_t sum = 0;
  for (std::uint32_t lv = 0; lv < c.local_count(); ++lv) {
    sum += row_hash(1, c.first + lv, &c.offsets[lv], c.targets, c.weights);
    if (c.directed) sum += row_hash(2, c.first + lv, &c.in_offsets[lv], c.in_sources, c.in_weights);
  }
  return sum;
}

// A version 3 file (io/formats/sgpb_v3_frames.hpp): each rank reads the node tables of its own
// block (its ids and names, nothing else) and its share of the edge tables by bytes; edges hold
// node numbers, so their arcs go straight to the owners of their rows. Node ids are checked
// unique through the directory ranks (an all-to-all of the ids).
void read_v3(const mpi::communicator& comm, const std::string& path,
             const graph::CsrOptions& options, const io::SgpbV3Index& index, DistributedGraph& out,
             bool keep_edges, const std::vector<graph::Relation>& relations_kept) {
  const int p = comm.size(), me = comm.rank();
  FrameReadStats& st = out.stats;
  if (me == 0) st.bytes_read = index.bytes_read;
  st.file_bytes = index.file_bytes;
  LocalCsr& rows = out.rows;
  step(comm, [&] {
    if (index.node_count >= 0xFFFFFFFFu)
      throw graph::InvalidArgument(path + ": graph too large for the CSR view");
  });
  rows.part = {static_cast<std::uint32_t>(index.node_count), p};
  rows.rank = me;
  rows.first = rows.part.begin(me);
  rows.last = rows.part.begin(me + 1);
  rows.directed = options.directed;
  rows.weighted = options.weighted;
  // Frame numbers in the file: the header is frame 0, then the node tables, the edge tables.
  const std::uint64_t node_frame0 = 1, edge_frame0 = 1 + index.node_tables.size();
  io::SgpbV3Edges edges;
  step(comm, [&] {
    io::SgpbV3Nodes nodes = io::read_sgpb_v3_nodes(path, index, rows.first, rows.last);
    bool any = false;
    for (std::size_t k = 0; k < index.node_tables.size(); ++k) {
      const io::SgpbV3Table& t = index.node_tables[k];
      if (t.first >= rows.last || t.first + t.count <= rows.first) continue;
      if (!any) st.node_frames_first = node_frame0 + k;
      any = true;
      st.node_frames_last = node_frame0 + k + 1;
    }
    st.nodes = nodes.ids.size();
    st.bytes_read += nodes.bytes_read;
    out.ids = std::move(nodes.ids);
    out.names = std::move(nodes.names);
    out.kinds = std::move(nodes.kinds);
    out.aliases = std::move(nodes.aliases);
    const auto [a, b] = share_tables(index.edge_tables, me, p);
    if (b > a) {
      st.edge_frames_first = edge_frame0 + a;
      st.edge_frames_last = edge_frame0 + b;
    }
    edges = io::read_sgpb_v3_edges(path, index, a, b, options.weighted, options.source,
                                   keep_edges || !relations_kept.empty());
    st.edges = edges.count;
    st.bytes_read += edges.bytes_read;
  });
  // The ranks' edge ranges follow each other, in rank order, and hold the header's counts.
  std::vector<std::vector<std::uint64_t>> ranges;
  mpi::all_gather(comm,
                  std::vector<std::uint64_t>{edges.first, edges.count, edges.evidence,
                                             st.edge_frames_first, st.edge_frames_last},
                  ranges);
  step(comm, [&] {
    if (me != 0) return;
    std::uint64_t next = 0, evidence = 0;
    for (const auto& r : ranges) {
      if (r[1] == 0) continue;
      if (r[0] != next)
        throw io::ParseError::at_offset(path, index.edge_tables[r[3] - edge_frame0].offset,
                                        "corrupted frame: edge table starts at edge " +
                                            std::to_string(r[0]) + ", expected " +
                                            std::to_string(next));
      next += r[1];
      evidence += r[2];
    }
    if (next != index.edge_count || evidence != index.evidence_count)
      throw io::ParseError::at_offset(path, sizeof io::kSgpbMagic,
                                      "the header's counts do not match the edge tables (" +
                                          std::to_string(next) + " edges, " +
                                          std::to_string(evidence) + " evidence items)");
  });
  // Unique node ids: each id to its directory rank. Unique names as graph::Graph wants them
  // (two ASCII names that fold alike; io::load_sgpb_topology_arrays refuses them too when it
  // reads labels): each folded ASCII name to its directory rank (marked 1; ids 0).
  std::vector<std::string> to_dir(static_cast<std::size_t>(p));
  for (std::size_t i = 0; i < out.ids.size(); ++i) {
    Packer d(to_dir[static_cast<std::size_t>(directory_rank(out.ids[i], p))]);
    d.u32(0);
    d.str(out.ids[i]);
    const std::string& name = out.names[i];
    if (!std::all_of(name.begin(), name.end(), [](char c) { return (c & 0x80) == 0; })) continue;
    const std::string folded = graph::fold_name(name);
    Packer f(to_dir[static_cast<std::size_t>(directory_rank(folded, p))]);
    f.u32(1);
    f.str(folded);
    f.str(name);
  }
  {
    const std::vector<std::string> in = exchange(comm, to_dir);
    step(comm, [&] {
      std::unordered_set<std::string> seen, folded_seen;
      for (const std::string& m : in) {
        for (Unpacker u(m); !u.done();) {
          const bool is_name = u.u32() == 1;
          std::string key = u.str();
          if (is_name) {
            const std::string name = u.str();
            if (!folded_seen.insert(std::move(key)).second)
              throw graph::Error(path + ": duplicate node name '" + name + "'");
          } else if (!seen.insert(key).second) {
            throw graph::Error(path + ": node id '" + key + "' appears twice");
          }
        }
      }
    });
  }
  std::vector<std::uint64_t> relations = edges.by_relation;
  relations.resize(graph::kRelationCount, 0);
  // The arcs, to the owners of their rows; the weights' signs, agreed (io::weights_allowed
  // checks the same edges).
  std::vector<std::string> to_owner(static_cast<std::size_t>(p));
  bool signs[3] = {edges.user_weights, true, true};
  for (std::size_t i = 0; i < edges.sources.size(); ++i) {
    const std::uint32_t s = edges.sources[i], t = edges.targets[i];
    if (s == t) continue;  // self-loops are dropped, as in graph::build_csr
    const float w = options.weighted ? edges.weights[i] : 1.0f;
    signs[1] = signs[1] && w >= 0.0f;
    signs[2] = signs[2] && w > 0.0f;
    // The signs are those of every edge (the checks of the single-process path read them
    // all); the rows keep the relations asked for.
    if (!relations_kept.empty() && std::find(relations_kept.begin(), relations_kept.end(),
                                             edges.relations[i]) == relations_kept.end())
      continue;
    std::uint32_t bits = 0;
    std::memcpy(&bits, &w, sizeof bits);
    send_arc(to_owner, rows.part, options.directed, s, t, bits);
  }
  out.header_counts = {index.node_count, index.edge_count, index.evidence_count};
  for (int r = 0; r < me; ++r) out.evidence_first += ranges[static_cast<std::size_t>(r)][2];
  if (keep_edges) out.edges = std::move(edges);  // with the weights (subgraph_rows)
  edges = {};
  // The counts of `stats`: the header's, and the nodes by kind and edges by relation.
  out.edge_count = index.edge_count;
  out.article_count = index.article_count;
  out.evidence_count = index.evidence_count;
  std::vector<std::uint64_t> by_kind(graph::kKindCount, 0);
  for (const graph::Kind k : out.kinds) ++by_kind[static_cast<std::size_t>(k)];
  out.by_kind.assign(by_kind.size(), 0);
  out.by_relation.assign(graph::kRelationCount, 0);
  mpi::all_reduce(comm, by_kind.data(), static_cast<int>(by_kind.size()), out.by_kind.data(),
                  std::plus<std::uint64_t>());
  mpi::all_reduce(comm, relations.data(), static_cast<int>(relations.size()),
                  out.by_relation.data(), std::plus<std::uint64_t>());
  mpi::all_reduce(comm, signs[0], out.user_weights, std::logical_or<bool>());
  mpi::all_reduce(comm, signs[1], out.weights_non_negative, std::logical_and<bool>());
  mpi::all_reduce(comm, signs[2], out.weights_positive, std::logical_and<bool>());
  build_rows(comm, to_owner, options, rows);
}

}  // namespace

DistributedGraph read_distributed(const mpi::communicator& comm, const std::string& path,
                                  const graph::CsrOptions& options, bool keep_edges,
                                  const std::vector<graph::Relation>& relations) {
  const int p = comm.size(), me = comm.rank();
  DistributedGraph out;
  FrameReadStats& st = out.stats;
  st.rank = me;

  // The frame list, from rank 0.
  std::vector<std::uint64_t> flat;
  bool v3 = false;
  step(comm, [&] {
    if (me != 0) return;
    if (const std::optional<io::SgpbV3Index> x = io::index_sgpb_v3(path)) {
      v3 = true;
      flat = flatten(*x);
    } else {
      flat = flatten(io::index_sgpb(path));
    }
  });
  mpi::broadcast(comm, v3, 0);
  mpi::broadcast(comm, flat, 0);
  if (v3) {
    read_v3(comm, path, options, unflatten_v3(flat), out, keep_edges, relations);
    return out;
  }
  if (!relations.empty())
    throw graph::InvalidArgument(path + ": rows of some relations only need a version 3 file");
  const io::SgpbFrameIndex index = unflatten(flat);
  if (me == 0) st.bytes_read = index.bytes_read;
  st.file_bytes = index.file_bytes;

  // This rank's frames.
  io::SgpbFramesContent nodes, edges;
  step(comm, [&] {
    std::tie(st.node_frames_first, st.node_frames_last) =
        share(index, io::SgpbSection::kNodes, me, p);
    std::tie(st.edge_frames_first, st.edge_frames_last) =
        share(index, io::SgpbSection::kEdges, me, p);
    nodes = io::read_sgpb_frames(path, index, st.node_frames_first, st.node_frames_last);
    edges = io::read_sgpb_frames(path, index, st.edge_frames_first, st.edge_frames_last);
    st.bytes_read += nodes.bytes_read + edges.bytes_read;
  });
  st.nodes = nodes.node_ids.size();
  for (const io::SgpbEdgeRecord& e : edges.edges) st.edges += e.continued ? 0 : 1;
  const std::uint64_t node_total = mpi::all_reduce(comm, st.nodes, std::plus<std::uint64_t>());
  const std::uint64_t edge_total = mpi::all_reduce(comm, st.edges, std::plus<std::uint64_t>());
  step(comm, [&] {
    if (me == 0 && (node_total != index.node_count || edge_total != index.edge_count))
      throw graph::Error(path + ": the frames hold " + std::to_string(node_total) + " nodes and " +
                         std::to_string(edge_total) + " edges, the header declares " +
                         std::to_string(index.node_count) + " and " +
                         std::to_string(index.edge_count));
  });

  const auto n = static_cast<std::uint32_t>(index.node_count);
  LocalCsr& rows = out.rows;
  rows.part = {n, p};
  rows.rank = me;
  rows.first = rows.part.begin(me);
  rows.last = rows.part.begin(me + 1);
  rows.directed = options.directed;
  rows.weighted = options.weighted;

  // Nodes: (index, id) to the directory rank of the id and to the node's owner.
  const std::uint64_t before = mpi::scan(comm, st.nodes, std::plus<std::uint64_t>()) - st.nodes;
  std::vector<std::string> to_dir(static_cast<std::size_t>(p)), to_owner(to_dir.size());
  for (std::size_t i = 0; i < nodes.node_ids.size(); ++i) {
    const auto v = static_cast<std::uint32_t>(before + i);
    const std::string& id = nodes.node_ids[i];
    Packer d(to_dir[static_cast<std::size_t>(directory_rank(id, p))]);
    d.u32(v);
    d.str(id);
    Packer o(to_owner[static_cast<std::size_t>(rows.part.owner(v))]);
    o.u32(v);
    o.str(id);
  }
  nodes = {};
  std::unordered_map<std::string, std::uint32_t> directory;
  {
    const std::vector<std::string> in_dir = exchange(comm, to_dir);
    const std::vector<std::string> in_owner = exchange(comm, to_owner);
    step(comm, [&] {
      for (const std::string& m : in_dir) {
        for (Unpacker u(m); !u.done();) {
          const std::uint32_t v = u.u32();
          std::string id = u.str();
          if (!directory.emplace(id, v).second)
            throw graph::Error(path + ": node id '" + id + "' appears twice");
        }
      }
      out.ids.resize(rows.local_count());
      for (const std::string& m : in_owner) {
        for (Unpacker u(m); !u.done();) {
          const std::uint32_t v = u.u32();
          out.ids[v - rows.first] = u.str();
        }
      }
    });
  }
  auto resolve = [&](const std::string& id, const char* end) {
    const auto it = directory.find(id);
    if (it == directory.end())
      throw graph::Error(path + ": edge " + end + " '" + id + "' is not a node id");
    return it->second;
  };

  // Edges: to the directory rank of the source, which resolves it and forwards the edge to
  // the directory rank of the target, which resolves that and sends the arcs to the owners.
  for (const io::SgpbEdgeRecord& e : edges.edges) {
    const float w =
        static_cast<float>(e.continued ? e.evidence : std::max<std::uint64_t>(1, e.evidence));
    std::uint32_t bits = 0;
    std::memcpy(&bits, &w, sizeof bits);
    Packer k(to_dir[static_cast<std::size_t>(directory_rank(e.source, p))]);
    k.str(e.source);
    k.str(e.target);
    k.u32(bits);
  }
  edges = {};
  std::vector<std::string> in = exchange(comm, to_dir);
  step(comm, [&] {
    for (const std::string& m : in) {
      for (Unpacker u(m); !u.done();) {
        const std::uint32_t s = resolve(u.str(), "source");
        const std::string target = u.str();
        const std::uint32_t bits = u.u32();
        Packer k(to_dir[static_cast<std::size_t>(directory_rank(target, p))]);
        k.u32(s);
        k.str(target);
        k.u32(bits);
      }
    }
  });
  in = exchange(comm, to_dir);
  step(comm, [&] {
    for (const std::string& m : in) {
      for (Unpacker u(m); !u.done();) {
        const std::uint32_t s = u.u32();
        const std::uint32_t t = resolve(u.str(), "target");
        const std::uint32_t bits = u.u32();
        if (s == t) continue;  // self-loops are dropped, as in graph::build_csr
        send_arc(to_owner, rows.part, options.directed, s, t, bits);
      }
    }
  });
  directory.clear();
  build_rows(comm, to_owner, options, rows);
  return out;
}

std::vector<FrameReadStats> gather_stats(const mpi::communicator& comm, const FrameReadStats& s) {
  const std::vector<std::uint64_t> mine{s.node_frames_first,
                                        s.node_frames_last,
                                        s.edge_frames_first,
                                        s.edge_frames_last,
                                        s.nodes,
                                        s.edges,
                                        s.bytes_read,
                                        s.file_bytes};
  std::vector<FrameReadStats> out;
  if (comm.rank() != 0) {
    mpi::gather(comm, mine, 0);
    return out;
  }
  std::vector<std::vector<std::uint64_t>> all;
  mpi::gather(comm, mine, all, 0);
  for (std::size_t r = 0; r < all.size(); ++r) {
    const auto& v = all[r];
    out.push_back({static_cast<int>(r), v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]});
  }
  return out;
}

std::string describe(const FrameReadStats& s) {
  return "stakegraph-mpi: rank " + std::to_string(s.rank) + " read node frames [" +
         std::to_string(s.node_frames_first) + ", " + std::to_string(s.node_frames_last) +
         ") and edge frames [" + std::to_string(s.edge_frames_first) + ", " +
         std::to_string(s.edge_frames_last) + "): " + std::to_string(s.nodes) + " nodes, " +
         std::to_string(s.edges) + " edges, " + std::to_string(s.bytes_read) + " of " +
         std::to_string(s.file_bytes) + " bytes";
}

std::optional<LocalCsr> rows_from_frames(const mpi::communicator& comm, const graph::Csr* root,
                                         const std::string& path,
                                         std::vector<FrameReadStats>* stats) {
  std::string file;
  bool flags[2] = {false, false};
  if (comm.rank() == 0 && root) {
    if (!path.empty() && (io::sgpb_frames_readable(path) || io::sgpb_v3_readable(path)))
      file = path;
    flags[0] = root->directed;
    flags[1] = root->weighted;
  }
  mpi::broadcast(comm, file, 0);
  mpi::broadcast(comm, flags, 2, 0);
  if (file.empty()) return std::nullopt;
  DistributedGraph g = read_distributed(comm, file, {.directed = flags[0], .weighted = flags[1]});
  const std::uint64_t sum = mpi::all_reduce(comm, fingerprint(g.rows), std::plus<std::uint64_t>());
  bool same = comm.rank() == 0 && g.rows.part.n == root->n && sum == fingerprint(*root);
  mpi::broadcast(comm, same, 0);
  std::vector<FrameReadStats> all = gather_stats(comm, g.stats);
  if (stats) *stats = std::move(all);
  if (!same) return std::nullopt;
  return std::move(g.rows);
}

std::vector<std::string> gather_names(const mpi::communicator& comm, const DistributedGraph& g,
                                      std::vector<std::uint32_t> nodes) {
  mpi::broadcast(comm, nodes, 0);
  std::vector<std::pair<std::uint32_t, std::string>> mine;
  for (std::uint32_t i = 0; i < nodes.size(); ++i) {
    const std::uint32_t v = nodes[i];
    if (v >= g.rows.first && v < g.rows.last && v - g.rows.first < g.names.size())
      mine.emplace_back(i, g.names[v - g.rows.first]);
  }
  std::vector<std::string> names;
  if (comm.rank() != 0) {
    mpi::gather(comm, mine, 0);
    return names;
  }
  std::vector<std::vector<std::pair<std::uint32_t, std::string>>> all;
  mpi::gather(comm, mine, all, 0);
  names.resize(nodes.size());
  for (const auto& part : all)
    for (const auto& [i, name] : part) names[i] = name;
  return names;
}

}  // namespace stakegraph::cli::mpi_cli

namespace stakegraph::cli::mpi_cli {

SubgraphRows subgraph_rows(const mpi::communicator& comm, const DistributedGraph& g,
                           const std::vector<graph::Kind>& kinds,
                           const std::vector<graph::Relation>& relations, bool drop_isolated) {
  const io::SgpbV3Edges& e = g.edges;
  const bool weighted = g.rows.weighted, directed = g.rows.directed;
  if (e.relations.size() != e.sources.size() || (weighted && e.weights.size() != e.sources.size()))
    throw std::logic_error("subgraph_rows: the edges were not kept by read_distributed");
  const BlockPartition& part = g.rows.part;
  const std::size_t n = part.n;
  const int p = comm.size(), me = comm.rank();
  // The nodes of the kinds kept, over the whole graph, on every rank (each rank's block).
  std::vector<std::uint8_t> keep(n, 1);
  if (!kinds.empty()) {
    std::vector<std::uint8_t> mine(g.kinds.size());
    for (std::size_t lv = 0; lv < g.kinds.size(); ++lv)
      mine[lv] = std::find(kinds.begin(), kinds.end(), g.kinds[lv]) != kinds.end() ? 1 : 0;
    std::vector<int> counts(static_cast<std::size_t>(p)), displs(counts.size());
    for (int r = 0; r < p; ++r) {
      counts[static_cast<std::size_t>(r)] = static_cast<int>(part.size(r));
      displs[static_cast<std::size_t>(r)] = static_cast<int>(part.begin(r));
    }
    MPI_Allgatherv(mine.data(), static_cast<int>(mine.size()), MPI_UINT8_T, keep.data(),
                   counts.data(), displs.data(), MPI_UINT8_T, comm);
  }
  auto edge_kept = [&](std::size_t i) {
    return (relations.empty() ||
            std::find(relations.begin(), relations.end(), e.relations[i]) != relations.end()) &&
           keep[e.sources[i]] != 0 && keep[e.targets[i]] != 0;
  };
  if (drop_isolated) {
    std::vector<std::uint8_t> ends(n, 0);
    for (std::size_t i = 0; i < e.sources.size(); ++i)
      if (edge_kept(i)) ends[e.sources[i]] = ends[e.targets[i]] = 1;
    constexpr std::size_t kChunk = std::size_t{1} << 30;
    for (std::size_t at = 0; at < n; at += kChunk)
      MPI_Allreduce(MPI_IN_PLACE, ends.data() + at, static_cast<int>(std::min(kChunk, n - at)),
                    MPI_UINT8_T, MPI_BOR, comm);
    for (std::size_t v = 0; v < n; ++v) keep[v] = keep[v] & ends[v];
  }
  // The subgraph's node numbers (graph::filter keeps the file order): kept nodes before
  // each 64-node word, then a count within it.
  std::vector<std::uint32_t> before(n / 64 + 2, 0);
  for (std::size_t w = 0; w + 1 < before.size(); ++w) {
    std::uint32_t c = before[w];
    for (std::size_t v = w * 64; v < std::min(n, (w + 1) * 64); ++v) c += keep[v];
    before[w + 1] = c;
  }
  auto number = [&](std::uint32_t v) {
    std::uint32_t c = before[v / 64];
    for (std::uint32_t u = v / 64 * 64; u < v; ++u) c += keep[u];
    return c;
  };
  SubgraphRows out;
  LocalCsr& rows = out.rows;
  rows.part = {before[(n + 63) / 64], p};
  rows.rank = me;
  rows.first = rows.part.begin(me);
  rows.last = rows.part.begin(me + 1);
  rows.directed = directed;
  rows.weighted = weighted;
  std::vector<std::string> to_owner(static_cast<std::size_t>(p));
  std::uint64_t edges = 0;
  bool signs[3] = {false, true, true};
  for (std::size_t i = 0; i < e.sources.size(); ++i) {
    if (!edge_kept(i)) continue;
    ++edges;
    const std::uint32_t s = e.sources[i], t = e.targets[i];
    if (s == t) continue;  // self-loops are dropped, as in graph::build_csr
    const float w = weighted ? e.weights[i] : 1.0f;
    signs[1] = signs[1] && w >= 0.0f;
    signs[2] = signs[2] && w > 0.0f;
    std::uint32_t bits = 0;
    std::memcpy(&bits, &w, sizeof bits);
    send_arc(to_owner, rows.part, directed, number(s), number(t), bits);
  }
  for (const auto& [edge, weight] : e.user_weight_values)
    signs[0] = signs[0] || edge_kept(static_cast<std::size_t>(edge - e.first));
  mpi::all_reduce(comm, edges, out.edges, std::plus<std::uint64_t>());
  mpi::all_reduce(comm, signs[0], out.user_weights, std::logical_or<bool>());
  mpi::all_reduce(comm, signs[1], out.weights_non_negative, std::logical_and<bool>());
  mpi::all_reduce(comm, signs[2], out.weights_positive, std::logical_and<bool>());
  build_rows(comm, to_owner, {.directed = directed, .weighted = weighted}, rows);
  if (me == 0)
    for (std::uint32_t v = 0; v < n; ++v)
      if (keep[v] != 0) out.kept.push_back(v);
  return out;
}

NodeLabels gather_labels(const mpi::communicator& comm, const DistributedGraph& g,
                         std::vector<std::uint32_t> nodes) {
  mpi::broadcast(comm, nodes, 0);
  // One string per rank: (list position, kind, id, name) of the listed nodes it owns.
  std::string mine;
  Packer pk(mine);
  for (std::uint32_t i = 0; i < nodes.size(); ++i) {
    const std::uint32_t v = nodes[i];
    if (v < g.rows.first || v >= g.rows.last) continue;
    const std::size_t lv = v - g.rows.first;
    if (lv >= g.kinds.size()) continue;
    pk.u32(i);
    pk.u32(static_cast<std::uint32_t>(g.kinds[lv]));
    pk.str(g.ids[lv]);
    pk.str(g.names[lv]);
  }
  NodeLabels out;
  if (comm.rank() != 0) {
    mpi::gather(comm, mine, 0);
    return out;
  }
  std::vector<std::string> all;
  mpi::gather(comm, mine, all, 0);
  out.ids.resize(nodes.size());
  out.names.resize(nodes.size());
  out.kinds.resize(nodes.size(), graph::Kind::kOrganization);
  for (const std::string& part : all) {
    for (Unpacker u(part); !u.done();) {
      const std::uint32_t i = u.u32();
      out.kinds[i] = static_cast<graph::Kind>(u.u32());
      out.ids[i] = u.str();
      out.names[i] = u.str();
    }
  }
  return out;
}

}  // namespace stakegraph::cli::mpi_cli
