// The node index of a `.sgpb` file of format version 3 (io/formats/sgpb_v3_index.hpp).
#include "io/formats/sgpb_v3_index.hpp"

#include <algorithm>
#include <utility>

#include "graph/names.hpp"

namespace stakegraph::io::detail {

std::uint64_t index_key(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ull;
  }
  return h;
}

namespace {

// ---- writing ------------------------------------------------------------------------------

void put_varint(std::string& s, std::uint64_t v) {
  while (v >= 0x80) {
    s.push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  s.push_back(static_cast<char>(v));
}

void put_field(std::string& s, std::uint32_t field, std::uint64_t v) {
  put_varint(s, field << 3);
  put_varint(s, v);
}

void put_bytes(std::string& s, std::uint32_t field, std::string_view data) {
  put_varint(s, field << 3 | 2);
  put_varint(s, data.size());
  s.append(data);
}

void put_le(std::string& s, std::uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) s.push_back(static_cast<char>(v >> (8 * i)));
}

std::string le_array(const std::vector<std::uint64_t>& v) {
  std::string s;
  s.reserve(8 * v.size());
  for (const std::uint64_t x : v) put_le(s, x, 8);
  return s;
}

// A frame payload: the Frame's field `body` holding `message`.
std::string frame_payload(int body, const std::string& message) {
  std::string s;
  put_bytes(s, static_cast<std::uint32_t>(body), message);
  return s;
}

struct Key {
  std::uint64_t hash;
  std::uint32_t number;
  bool operator<(const Key& o) const { return hash != o.hash ? hash < o.hash : number < o.number; }
  bool operator==(const Key& o) const { return hash == o.hash && number == o.number; }
};

std::uint64_t per_chunk(std::uint64_t chunk_bytes, std::uint64_t record) {
  return std::max<std::uint64_t>(1, chunk_bytes / record);
}

// Writes the chunks of one array of `count` records, `per` to a chunk (record(i, out)
// appends record i).
template <class Record>
void write_array(IndexArray array, std::uint64_t count, std::uint64_t per, Record&& record,
                 const std::function<void(const std::string&, int)>& emit) {
  std::string data, message;
  for (std::uint64_t first = 0; first < count; first += per) {
    data.clear();
    const std::uint64_t end = std::min(count, first + per);
    for (std::uint64_t i = first; i < end; ++i) record(i, data);
    message.clear();
    put_field(message, 1, array);
    put_field(message, 2, first);
    put_bytes(message, 3, data);
    emit(frame_payload(kIndexChunkBody, message), kIndexChunkBody);
  }
}

std::vector<std::uint64_t> key_firsts(const std::vector<Key>& keys, std::uint64_t per) {
  std::vector<std::uint64_t> out;
  for (std::uint64_t i = 0; i < keys.size(); i += per) out.push_back(keys[i].hash);
  return out;
}

// The edge lists (arrays 5 to 7): each node's out-edges, then its in-edges that are not
// self-loops, in file order; the records' starts relative to their chunk's base.
struct EdgeLists {
  std::vector<std::uint64_t> starts;  // node_count + 1
  std::vector<std::uint32_t> out, entries;
  std::vector<Key> loops;  // (node, self-loops)
};

EdgeLists edge_lists_of(const graph::Graph& g,
                        const std::vector<std::pair<std::uint32_t, std::uint32_t>>& given) {
  const auto& bg = g.boost_graph();
  const std::size_t n = g.node_count();
  EdgeLists x;
  x.out.assign(n + 1, 0);
  std::vector<std::uint32_t> in(n, 0), loops(n, 0);
  // The endpoints copied in one walk of the edge list (a linked list: a second walk costs
  // as much as the first).
  std::vector<std::pair<std::uint32_t, std::uint32_t>> walked;
  if (given.empty()) {
    walked.reserve(g.edge_count());
    for (auto [it, end] = boost::edges(bg); it != end; ++it)
      walked.emplace_back(static_cast<std::uint32_t>(boost::source(*it, bg)),
                          static_cast<std::uint32_t>(boost::target(*it, bg)));
  }
  const auto& ends = given.empty() ? walked : given;
  for (const auto& [s, t] : ends) {
    ++x.out[s];
    if (t != s)
      ++in[t];
    else
      ++loops[s];
  }
  x.starts.assign(n + 1, 0);
  for (std::size_t v = 0; v < n; ++v) x.starts[v + 1] = x.starts[v] + x.out[v] + in[v];
  x.entries.resize(x.starts.back());
  {
    std::vector<std::uint64_t> at_out(x.starts.begin(), x.starts.end() - 1), at_in(n);
    for (std::size_t v = 0; v < n; ++v) at_in[v] = x.starts[v] + x.out[v];
    std::uint32_t e = 0;
    for (const auto& [s, t] : ends) {
      x.entries[at_out[s]++] = e;
      if (t != s) x.entries[at_in[t]++] = e;
      ++e;
    }
  }
  for (std::size_t v = 0; v < n; ++v)
    if (loops[v] > 0) x.loops.push_back({v, loops[v]});
  return x;
}

// Records per chunk of array 5 such that each record's start less its chunk's base fits 32
// bits (only a graph of more than 2^31 edges needs fewer than the chunk size allows).
std::uint64_t records_per_chunk(const std::vector<std::uint64_t>& starts, std::uint64_t per) {
  const auto fits = [&](std::uint64_t p) {
    for (std::uint64_t c = 0; c < starts.size(); c += p)
      if (starts[std::min<std::uint64_t>(starts.size(), c + p) - 1] - starts[c] > 0xFFFFFFFFull)
        return false;
    return true;
  };
  while (per > 1 && !fits(per)) per /= 2;
  return per;
}

}  // namespace

void write_node_index(const graph::Graph& g, const IndexLayout& layout, std::uint64_t chunk_bytes,
                      const std::function<void(const std::string&, int)>& emit, bool edge_lists,
                      bool dates_cover_evidence) {
  // Name keys: folded name, folded aliases, id of each node, as load_sgpb_node folds them.
  std::vector<Key> names;
  names.reserve(2 * g.node_count());
  for (graph::NodeIndex v = 0; v < g.node_count(); ++v) {
    const graph::NodeData& d = g.node(v);
    const auto number = static_cast<std::uint32_t>(v);
    const std::string folded = graph::fold_name(graph::clean_name(d.name));
    if (!folded.empty()) names.push_back({index_key(folded), number});
    for (const auto& a : d.aliases) {
      const std::string fa = graph::fold_name(graph::clean_name(a));
      if (!fa.empty()) names.push_back({index_key(fa), number});
    }
    names.push_back({index_key(d.id), number});
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  std::vector<Key> articles;
  articles.reserve(g.articles().size());
  for (std::size_t a = 0; a < g.articles().size(); ++a)
    articles.push_back({index_key(g.articles()[a].id), static_cast<std::uint32_t>(a)});
  std::sort(articles.begin(), articles.end());

  const std::uint64_t keys_per = per_chunk(chunk_bytes, 12);
  const std::uint64_t entries_per = per_chunk(chunk_bytes, 4);
  const auto key_record = [](const std::vector<Key>& keys) {
    return [&keys](std::uint64_t i, std::string& out) {
      put_le(out, keys[i].hash, 8);
      put_le(out, keys[i].number, 4);
    };
  };
  const auto head_fields = [&](std::string& m) {
    put_field(m, 1, g.node_count());
    put_field(m, 2, g.edge_count());
    put_field(m, 3, g.articles().size());
    put_field(m, 4, names.size());
    put_field(m, 5, keys_per);
    put_bytes(m, 6, le_array(key_firsts(names, keys_per)));
  };
  const auto table_fields = [&](std::string& m) {
    put_field(m, 10, articles.size());
    put_bytes(m, 11, le_array(key_firsts(articles, keys_per)));
    put_bytes(m, 12, le_array(layout.node_table_firsts));
    put_bytes(m, 13, le_array(layout.edge_table_firsts));
    put_bytes(m, 14, le_array(layout.edge_table_evidence));
    put_bytes(m, 15, le_array(layout.article_firsts));
  };

  if (edge_lists) {
    const EdgeLists x = edge_lists_of(g, layout.edge_ends);
    const std::uint64_t records_per = records_per_chunk(x.starts, per_chunk(chunk_bytes, 8));
    std::vector<std::uint64_t> bases;
    for (std::uint64_t i = 0; i < x.starts.size(); i += records_per) bases.push_back(x.starts[i]);
    write_array(kNameKeys, names.size(), keys_per, key_record(names), emit);
    write_array(
        kListRecords, x.starts.size(), records_per,
        [&](std::uint64_t i, std::string& out) {
          put_le(out, x.starts[i] - bases[i / records_per], 4);
          put_le(out, x.out[i], 4);
        },
        emit);
    write_array(
        kEdgeLists, x.entries.size(), entries_per,
        [&](std::uint64_t i, std::string& out) { put_le(out, x.entries[i], 4); }, emit);
    write_array(kArticleKeys, articles.size(), keys_per, key_record(articles), emit);
    write_array(kLoopKeys, x.loops.size(), keys_per, key_record(x.loops), emit);
    std::string m;
    head_fields(m);
    table_fields(m);
    put_field(m, 16, x.entries.size());
    put_field(m, 17, records_per);
    put_field(m, 18, entries_per);
    put_bytes(m, 19, le_array(bases));
    put_field(m, 20, x.loops.size());
    put_bytes(m, 21, le_array(key_firsts(x.loops, keys_per)));
    if (dates_cover_evidence) put_field(m, 22, 1);
    std::string chunk;
    put_field(chunk, 1, kDirectory);
    put_field(chunk, 2, 0);
    put_bytes(chunk, 3, m);
    emit(frame_payload(kIndexChunkBody, chunk), kIndexChunkBody);
    return;
  }

  // Incidence: each node's edges in file order (the writer's edge order).
  const auto& bg = g.boost_graph();
  std::vector<std::uint64_t> offsets(g.node_count() + 1, 0);
  for (auto [it, end] = boost::edges(bg); it != end; ++it) {
    const auto s = boost::source(*it, bg), t = boost::target(*it, bg);
    ++offsets[s + 1];
    if (t != s) ++offsets[t + 1];
  }
  for (std::size_t v = 0; v < g.node_count(); ++v) offsets[v + 1] += offsets[v];
  std::vector<std::uint32_t> incidence(offsets.back());
  {
    std::vector<std::uint64_t> at(offsets.begin(), offsets.end() - 1);
    std::uint32_t e = 0;
    for (auto [it, end] = boost::edges(bg); it != end; ++it, ++e) {
      const auto s = boost::source(*it, bg), t = boost::target(*it, bg);
      incidence[at[s]++] = e;
      if (t != s) incidence[at[t]++] = e;
    }
  }
  const std::uint64_t offsets_per = per_chunk(chunk_bytes, 8);
  write_array(kNameKeys, names.size(), keys_per, key_record(names), emit);
  write_array(
      kIncidenceOffsets, offsets.size(), offsets_per,
      [&](std::uint64_t i, std::string& out) { put_le(out, offsets[i], 8); }, emit);
  write_array(
      kIncidence, incidence.size(), entries_per,
      [&](std::uint64_t i, std::string& out) { put_le(out, incidence[i], 4); }, emit);
  write_array(kArticleKeys, articles.size(), keys_per, key_record(articles), emit);
  std::string m;
  head_fields(m);
  put_field(m, 7, incidence.size());
  put_field(m, 8, offsets_per);
  put_field(m, 9, entries_per);
  table_fields(m);
  emit(frame_payload(kNodeIndexBody, m), kNodeIndexBody);
}

// ---- reading ------------------------------------------------------------------------------

namespace {

std::uint64_t chunks_of(std::uint64_t count, std::uint64_t per) {
  return count == 0 ? 0 : (count - 1) / per + 1;
}

[[noreturn]] void bad(const File& file, std::uint64_t at, const std::string& what) {
  fail(file.name(), at, "corrupted frame: node index: " + what);
}

// A uint64le array of a bytes field; false when its size is not a multiple of 8.
bool u64_array(const unsigned char* d, std::uint64_t n, std::vector<std::uint64_t>& out) {
  if (n % 8 != 0) return false;
  out.resize(n / 8);
  for (std::uint64_t i = 0; i < n / 8; ++i)
    out[i] = get_u64(reinterpret_cast<const char*>(d + 8 * i));
  return true;
}

// Strictly increasing from 0 with every value below `limit` (`strict`), or non-decreasing
// with every value at most `limit`.
bool ordered(const std::vector<std::uint64_t>& v, std::uint64_t limit, bool strict) {
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (v[i] > limit || (strict && v[i] == limit)) return false;
    if (i > 0 && (strict ? v[i] <= v[i - 1] : v[i] < v[i - 1])) return false;
  }
  return v.empty() || !strict || v.front() == 0;
}

// Records [first, first + n) of `array`, of `record` bytes each, from the chunk at `f`: its
// frame read and checked.
std::string read_chunk(File& file, const FrameAt& f, IndexArray array, std::uint64_t first,
                       std::uint64_t n, std::uint64_t record) {
  std::string payload;
  file.checked(f.offset, f.length, payload);
  const unsigned char *p = nullptr, *end = nullptr;
  std::uint64_t got_array = 0, got_first = 0;
  const unsigned char* data = nullptr;
  std::uint64_t size = 0;
  if (payload.empty() || static_cast<unsigned char>(payload[0]) != (kIndexChunkBody << 3 | 2) ||
      !body_of(payload, p, end) ||
      !for_each_field(p, end, [&](std::uint64_t field, std::uint64_t v, const unsigned char* d) {
        if (field == 1 && !d) got_array = v;
        if (field == 2 && !d) got_first = v;
        if (field == 3 && d) data = d, size = v;
      }))
    bad(file, f.offset, "cannot decode the chunk");
  if (got_array != array || got_first != first || size != n * record)
    bad(file, f.offset,
        "chunk of array " + std::to_string(got_array) + " from record " +
            std::to_string(got_first) + " of " + std::to_string(size) + " bytes, expected array " +
            std::to_string(array) + " from " + std::to_string(first) + " of " +
            std::to_string(n * record));
  return size == 0 ? std::string() : std::string(reinterpret_cast<const char*>(data), size);
}

}  // namespace

std::optional<NodeIndexDir> read_node_index(File& file, const V3File& v3,
                                            const std::vector<FrameAt>& frames) {
  if (frames.empty() ||
      (frames.back().body != kNodeIndexBody && frames.back().body != kIndexChunkBody))
    return std::nullopt;
  const pb::Header& h = v3.header;
  NodeIndexDir x;
  const FrameAt& dir = frames.back();
  x.at = dir.offset;
  x.edge_lists = dir.body == kIndexChunkBody;
  std::string payload;
  file.checked(dir.offset, dir.length, payload);
  const unsigned char *p = nullptr, *end = nullptr;
  if (payload.empty() || static_cast<unsigned char>(payload[0]) != (dir.body << 3 | 2) ||
      !body_of(payload, p, end))
    bad(file, dir.offset, "cannot decode the directory");
  if (x.edge_lists) {
    // The directory is the data of an index chunk of array 8.
    std::uint64_t array = 0, first = 0;
    const unsigned char* data = nullptr;
    std::uint64_t size = 0;
    if (!for_each_field(p, end, [&](std::uint64_t field, std::uint64_t v, const unsigned char* d) {
          if (field == 1 && !d) array = v;
          if (field == 2 && !d) first = v;
          if (field == 3 && d) data = d, size = v;
        }))
      bad(file, dir.offset, "cannot decode the directory");
    if (array != kDirectory || first != 0 || data == nullptr)
      bad(file, dir.offset, "the last index chunk is not the directory");
    p = data;
    end = data + size;
  }
  std::uint64_t nodes = 0, edges = 0, articles = 0, dates_cover = 0;
  bool arrays_ok = true;
  const bool lists = x.edge_lists;
  if (!for_each_field(p, end,
                      [&](std::uint64_t field, std::uint64_t v, const unsigned char* d) {
                        if (!d) {
                          // Fields 7-9 before the edge lists, 16-18 and 20 with them.
                          std::uint64_t* to = field == 1                  ? &nodes
                                              : field == 2                ? &edges
                                              : field == 3                ? &articles
                                              : field == 4                ? &x.name_keys
                                              : field == 5                ? &x.keys_per_chunk
                                              : field == (lists ? 16 : 7) ? &x.incidence
                                              : field == (lists ? 17 : 8) ? &x.offsets_per_chunk
                                              : field == (lists ? 18 : 9) ? &x.entries_per_chunk
                                              : field == 10               ? &x.article_keys
                                              : lists && field == 20      ? &x.loop_keys
                                              : lists && field == 22      ? &dates_cover
                                                                          : nullptr;
                          if (to) *to = v;
                          return;
                        }
                        std::vector<std::uint64_t>* to = field == 6    ? &x.name_key_firsts
                                                         : field == 11 ? &x.article_key_firsts
                                                         : field == 12 ? &x.node_table_firsts
                                                         : field == 13 ? &x.edge_table_firsts
                                                         : field == 14 ? &x.edge_table_evidence
                                                         : field == 15 ? &x.article_firsts
                                                         : lists && field == 19 ? &x.list_bases
                                                         : lists && field == 21 ? &x.loop_key_firsts
                                                                                : nullptr;
                        if (to) arrays_ok = arrays_ok && u64_array(d, v, *to);
                      }) ||
      !arrays_ok)
    bad(file, dir.offset, "cannot decode the directory");
  if (nodes != h.node_count() || edges != h.edge_count() || articles != h.article_count())
    bad(file, dir.offset, "its counts do not match the header's");
  if (dates_cover > 1) bad(file, dir.offset, "field 22 is neither 0 nor 1");
  x.dates_cover_evidence = dates_cover == 1;
  if (x.keys_per_chunk == 0 || x.offsets_per_chunk == 0 || x.entries_per_chunk == 0 ||
      x.incidence > 2 * edges || x.loop_keys > nodes)
    bad(file, dir.offset, "chunk sizes or counts out of range");
  std::vector<FrameAt> chunks;
  for (const FrameAt& f : frames) {
    if (f.body == pb::Frame::kNodeTable) x.node_tables.push_back(f);
    if (f.body == pb::Frame::kEdgeTable) x.edge_tables.push_back(f);
    if (f.body == pb::Frame::kArticles) x.article_frames.push_back(f);
    if (f.body == kIndexChunkBody) chunks.push_back(f);
  }
  if (lists) chunks.pop_back();  // the directory
  const std::uint64_t n_names = chunks_of(x.name_keys, x.keys_per_chunk);
  const std::uint64_t n_offsets = chunks_of(nodes + 1, x.offsets_per_chunk);
  const std::uint64_t n_entries = chunks_of(x.incidence, x.entries_per_chunk);
  const std::uint64_t n_articles = chunks_of(x.article_keys, x.keys_per_chunk);
  const std::uint64_t n_loops = chunks_of(x.loop_keys, x.keys_per_chunk);
  if (chunks.size() != n_names + n_offsets + n_entries + n_articles + n_loops ||
      x.name_key_firsts.size() != n_names || x.article_key_firsts.size() != n_articles ||
      x.loop_key_firsts.size() != n_loops || (lists && x.list_bases.size() != n_offsets))
    bad(file, dir.offset, "its chunk counts do not match the file's index chunks");
  const auto take = [&](std::uint64_t from, std::uint64_t n) {
    return std::vector<FrameAt>(chunks.begin() + static_cast<std::ptrdiff_t>(from),
                                chunks.begin() + static_cast<std::ptrdiff_t>(from + n));
  };
  x.name_chunks = take(0, n_names);
  x.offset_chunks = take(n_names, n_offsets);
  x.incidence_chunks = take(n_names + n_offsets, n_entries);
  x.article_chunks = take(n_names + n_offsets + n_entries, n_articles);
  x.loop_chunks = take(n_names + n_offsets + n_entries + n_articles, n_loops);
  if (x.node_table_firsts.size() != x.node_tables.size() ||
      x.edge_table_firsts.size() != x.edge_tables.size() ||
      x.edge_table_evidence.size() != x.edge_tables.size() ||
      x.article_firsts.size() != x.article_frames.size() ||
      !ordered(x.node_table_firsts, nodes, true) || !ordered(x.edge_table_firsts, edges, true) ||
      !ordered(x.article_firsts, articles, true) ||
      !ordered(x.edge_table_evidence, h.evidence_count(), false) ||
      !ordered(x.name_key_firsts, ~0ull, false) || !ordered(x.article_key_firsts, ~0ull, false) ||
      !ordered(x.loop_key_firsts, ~0ull, false) || !ordered(x.list_bases, x.incidence, false))
    bad(file, dir.offset, "its table starts do not match the file's tables");
  return x;
}

std::vector<std::pair<std::uint64_t, std::uint32_t>> index_lookup_all(
    File& file, const NodeIndexDir& x, IndexArray array, const std::vector<std::uint64_t>& hashes) {
  const std::vector<std::uint64_t>& firsts = array == kNameKeys      ? x.name_key_firsts
                                             : array == kArticleKeys ? x.article_key_firsts
                                                                     : x.loop_key_firsts;
  const std::vector<FrameAt>& chunks = array == kNameKeys      ? x.name_chunks
                                       : array == kArticleKeys ? x.article_chunks
                                                               : x.loop_chunks;
  const std::uint64_t count = array == kNameKeys      ? x.name_keys
                              : array == kArticleKeys ? x.article_keys
                                                      : x.loop_keys;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> out;
  if (hashes.empty()) return out;
  // Chunk c holds keys from firsts[c] to firsts[c + 1] (a run of equal hashes may span
  // chunks): it is read when some hash lies in that range, once.
  for (std::size_t c = 0; c < chunks.size() && firsts[c] <= hashes.back(); ++c) {
    const std::uint64_t upto = c + 1 < chunks.size() ? firsts[c + 1] : ~0ull;
    auto h = std::lower_bound(hashes.begin(), hashes.end(), firsts[c]);
    if (h == hashes.end() || *h > upto) continue;
    const std::uint64_t first = c * x.keys_per_chunk;
    const std::uint64_t n = std::min(x.keys_per_chunk, count - first);
    const std::string data = read_chunk(file, chunks[c], array, first, n, 12);
    std::uint64_t last = 0;
    for (std::uint64_t i = 0; i < n; ++i) {
      const std::uint64_t k = get_u64(data.data() + 12 * i);
      if ((i == 0 && k != firsts[c]) || k < last) bad(file, chunks[c].offset, "keys out of order");
      last = k;
      while (h != hashes.end() && *h < k) ++h;
      if (h != hashes.end() && *h == k) out.emplace_back(k, get_u32(data.data() + 12 * i + 8));
    }
  }
  return out;
}

std::vector<std::uint32_t> index_lookup(File& file, const NodeIndexDir& x, IndexArray array,
                                        std::uint64_t hash) {
  std::vector<std::uint32_t> out;
  for (const auto& [h, number] : index_lookup_all(file, x, array, {hash})) out.push_back(number);
  return out;
}

// Calls at(k, chunk, record) with the 8-byte records of nodes v and v + 1 (k = 0, 1) of the
// per-node array `array` (offset_chunks' layout), reading one chunk or two.
template <typename At>
void node_pair_records(File& file, const NodeIndexDir& x, std::uint64_t v, std::uint64_t node_count,
                       IndexArray array, At&& at) {
  std::string data;
  std::uint64_t loaded = ~0ull;
  for (int k = 0; k < 2; ++k) {
    const std::uint64_t i = v + static_cast<std::uint64_t>(k);
    const std::uint64_t c = i / x.offsets_per_chunk;
    const std::uint64_t first = c * x.offsets_per_chunk;
    if (c != loaded)
      data = read_chunk(file, x.offset_chunks[c], array, first,
                        std::min(x.offsets_per_chunk, node_count + 1 - first), 8);
    loaded = c;
    at(k, c, data.data() + 8 * (i - first));
  }
}

std::vector<std::uint32_t> incident_edges(File& file, const NodeIndexDir& x, std::uint64_t v,
                                          std::uint64_t node_count, std::uint64_t edge_count) {
  // offsets[v] and offsets[v + 1], from one chunk or two.
  std::uint64_t bounds[2] = {0, 0};
  node_pair_records(file, x, v, node_count, kIncidenceOffsets,
                    [&](int k, std::uint64_t, const char* r) { bounds[k] = get_u64(r); });
  std::string data;
  const FrameAt& at = x.offset_chunks[(v + 1) / x.offsets_per_chunk];
  if (bounds[0] > bounds[1] || bounds[1] > x.incidence)
    bad(file, at.offset, "incidence offsets out of range");
  std::vector<std::uint32_t> out;
  out.reserve(bounds[1] - bounds[0]);
  for (std::uint64_t i = bounds[0]; i < bounds[1];) {
    const std::uint64_t c = i / x.entries_per_chunk;
    const std::uint64_t first = c * x.entries_per_chunk;
    const std::uint64_t n = std::min(x.entries_per_chunk, x.incidence - first);
    data = read_chunk(file, x.incidence_chunks[c], kIncidence, first, n, 4);
    for (; i < bounds[1] && i < first + n; ++i) {
      const std::uint32_t e = get_u32(data.data() + 4 * (i - first));
      if (e >= edge_count || (!out.empty() && e <= out.back()))
        bad(file, x.incidence_chunks[c].offset, "edge numbers out of range or order");
      out.push_back(e);
    }
  }
  return out;
}

NodeEdgeList node_edge_list(File& file, const NodeIndexDir& x, std::uint64_t v,
                            std::uint64_t node_count, std::uint64_t edge_count,
                            std::uint64_t limit) {
  // The records of v and v + 1, from one chunk or two: each list's start and out-degree.
  std::uint64_t starts[2] = {0, 0}, outs[2] = {0, 0};
  node_pair_records(file, x, v, node_count, kListRecords,
                    [&](int k, std::uint64_t c, const char* r) {
                      starts[k] = x.list_bases[c] + get_u32(r);
                      outs[k] = get_u32(r + 4);
                    });
  std::string data;
  const FrameAt& at = x.offset_chunks[(v + 1) / x.offsets_per_chunk];
  if (starts[0] > starts[1] || starts[1] > x.incidence || outs[0] > starts[1] - starts[0])
    bad(file, at.offset, "edge list records out of range");
  NodeEdgeList out;
  out.total = starts[1] - starts[0];
  out.out_degree = outs[0];
  std::uint64_t loops = 0;
  if (x.loop_keys > 0) {
    const std::vector<std::uint32_t> found = index_lookup(file, x, kLoopKeys, v);
    if (found.size() > 1 || (found.size() == 1 && (found[0] == 0 || found[0] > outs[0])))
      bad(file, x.loop_chunks[0].offset, "self-loop counts out of range");
    if (!found.empty()) loops = found[0];
  }
  out.in_degree = out.total - out.out_degree + loops;

  const std::uint64_t n = limit == 0 ? out.total : std::min(limit, out.total);
  out.edges.reserve(n);
  for (std::uint64_t i = starts[0]; i < starts[0] + n;) {
    const std::uint64_t c = i / x.entries_per_chunk;
    const std::uint64_t first = c * x.entries_per_chunk;
    const std::uint64_t m = std::min(x.entries_per_chunk, x.incidence - first);
    data = read_chunk(file, x.incidence_chunks[c], kEdgeLists, first, m, 4);
    for (; i < starts[0] + n && i < first + m; ++i) {
      const std::uint32_t e = get_u32(data.data() + 4 * (i - first));
      // Ascending within the out-edges and within the in-edges.
      const bool part_start = i == starts[0] || i == starts[0] + out.out_degree;
      if (e >= edge_count || (!part_start && e <= out.edges.back()))
        bad(file, x.incidence_chunks[c].offset, "edge numbers out of range or order");
      out.edges.push_back(e);
    }
  }
  return out;
}

}  // namespace stakegraph::io::detail
