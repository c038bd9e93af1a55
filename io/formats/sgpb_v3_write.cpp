// Writing `.sgpb` format version 3 (io/formats/sgpb_v3.hpp).
#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <functional>
#include <initializer_list>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/error.hpp"
#include "io/atomic_file.hpp"
#include "io/formats/proto_convert.hpp"
#include "io/formats/sgpb.hpp"
#include "io/formats/sgpb_v3.hpp"
#include "io/formats/sgpb_v3_index.hpp"
#include "io/input.hpp"

namespace stakegraph::io {
namespace {

void put_u32(std::string& s, std::uint32_t v) {
  const char b[4] = {static_cast<char>(v), static_cast<char>(v >> 8), static_cast<char>(v >> 16),
                     static_cast<char>(v >> 24)};
  s.append(b, 4);
}

void put_u64(std::string& s, std::uint64_t v) {
  put_u32(s, static_cast<std::uint32_t>(v));
  put_u32(s, static_cast<std::uint32_t>(v >> 32));
}

void put_f64(std::string& s, double d) {
  std::uint64_t v = 0;
  std::memcpy(&v, &d, sizeof v);
  put_u64(s, v);
}

// ---- the Protobuf wire format, for items encoded by hand ------------------------------------

void put_varint(std::string& s, std::uint64_t v) {
  while (v >= 0x80) {
    s.push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  s.push_back(static_cast<char>(v));
}

// A proto3 scalar or string field as the generated code writes it: omitted when zero or empty.
void put_varint_field(std::string& s, std::uint32_t field, std::uint64_t v) {
  if (v == 0) return;
  put_varint(s, field << 3);
  put_varint(s, v);
}

void put_string_field(std::string& s, std::uint32_t field, std::string_view v) {
  if (v.empty()) return;
  put_varint(s, field << 3 | 2);
  put_varint(s, v.size());
  s.append(v);
}

// Evidence item `ev` as evidence_to_proto then pb::Evidence::SerializeToString write it
// (fields in number order, proto3 defaults omitted; the double is omitted only when its bits
// are all zero, as the generated code does), into `out` (cleared first). The bytes are the
// same: a test compares them (tests/io/sgpb_v3_test.cpp).
void encode_evidence(const graph::Graph& g, const graph::Evidence& ev, std::string& out) {
  out.clear();
  if (ev.article != graph::kNoArticle) put_string_field(out, 1, g.articles()[ev.article].id);
  put_varint_field(out, 2, ev.sentence);
  put_varint_field(out, 3, ev.start);
  put_varint_field(out, 4, ev.end);
  put_string_field(out, 5, ev.text);
  if (ev.hedged) {
    put_varint(out, 6 << 3);
    put_varint(out, 1);
  }
  put_string_field(out, 7, ev.speaker);
  put_string_field(out, 8, ev.rule);
  const double confidence = ev.confidence;
  std::uint64_t bits = 0;
  std::memcpy(&bits, &confidence, sizeof bits);
  if (bits != 0) {
    put_varint(out, 9 << 3 | 1);
    put_u64(out, bits);
  }
  put_varint_field(out, 10, ev.mentions);
  put_varint_field(out, 11, ev.sources);
  put_string_field(out, 12, graph::format_iso_date(ev.date));
}

// Frames with their envelope, recording the index the footer carries.
class Writer {
 public:
  explicit Writer(std::ostream& out) : out_(out) {}
  void write(const pb::Frame& frame) {
    frame.SerializeToString(&buffer_);
    write_buffer(static_cast<int>(frame.body_case()));
  }
  // A payload encoded by hand (the node index, io/formats/sgpb_v3_index.hpp), of Frame field
  // `body`.
  void write_raw(const std::string& payload, int body) {
    buffer_ = payload;
    write_buffer(body);
  }
  // The same, taking the payload's bytes (`payload` is left with the previous buffer).
  void write_swapped(std::string& payload, int body) {
    buffer_.swap(payload);
    write_buffer(body);
  }
  std::uint64_t offset() const { return offset_; }
  const std::vector<std::uint32_t>& lengths() const { return lengths_; }
  const std::string& kinds() const { return kinds_; }

 private:
  void write_buffer(int body) {
    if (buffer_.size() > kMaxFrameBytes)
      throw graph::Error("frame " + std::to_string(lengths_.size()) + " of " +
                         std::to_string(buffer_.size()) + " bytes exceeds the frame limit of " +
                         std::to_string(kMaxFrameBytes) + " bytes: not written");
    std::string head;
    put_u32(head, static_cast<std::uint32_t>(buffer_.size()));
    put_u32(head,
            static_cast<std::uint32_t>(::crc32(0L, reinterpret_cast<const Bytef*>(buffer_.data()),
                                               static_cast<uInt>(buffer_.size()))));
    out_.write(head.data(), 8);
    const auto half = static_cast<std::streamsize>(buffer_.size() / 2);
    out_.write(buffer_.data(), half);
    if (lengths_.size() == 2) {  // crash-safety tests stop the process here (as version 2)
      out_.flush();
      test_kill_point("mid-frame");
    }
    out_.write(buffer_.data() + half, static_cast<std::streamsize>(buffer_.size()) - half);
    if (!out_) throw graph::Error("write failed (disk full?)");
    lengths_.push_back(static_cast<std::uint32_t>(buffer_.size()));
    kinds_.push_back(static_cast<char>(body));
    offset_ += 8 + buffer_.size();
  }
  std::ostream& out_;
  std::string buffer_;
  std::vector<std::uint32_t> lengths_;
  std::string kinds_;
  std::uint64_t offset_ = sizeof kSgpbMagic;
};

[[noreturn]] void too_large(const std::string& item, std::uint64_t bytes, std::uint64_t limit) {
  throw graph::Error(item + " takes " + std::to_string(bytes) +
                     " bytes, more than one .sgpb frame holds (" + std::to_string(limit) +
                     " bytes): not written");
}

// Moves each column built for a chunk into its field of the chunk's table (the field's
// mutable_ pointer) and leaves the column empty for the next chunk.
void move_columns(std::initializer_list<std::pair<std::string*, std::string*>> columns) {
  for (const auto& [field, column] : columns) {
    *field = std::move(*column);
    column->clear();
  }
}

// An edge as the writer walks them: its data and endpoints, gathered in one walk of the
// graph's edge list (a linked list of nodes spread over the heap: each walk of it costs a
// cache miss per edge), then read in order with the data of edges a few rows ahead
// prefetched.
struct EdgeRow {
  const graph::EdgeData* data;
  std::uint32_t source, target;
};
constexpr std::size_t kPrefetchRows = 16;

std::vector<EdgeRow> edge_rows(const graph::Graph& g) {
  const auto& bg = g.boost_graph();
  std::vector<EdgeRow> rows;
  rows.reserve(g.edge_count());
  for (auto [it, end] = boost::edges(bg); it != end; ++it)
    rows.push_back({&bg[*it], static_cast<std::uint32_t>(boost::source(*it, bg)),
                    static_cast<std::uint32_t>(boost::target(*it, bg))});
  return rows;
}

// A chunk of items that closes at the target size (or before passing the item limit).
class Chunker {
 public:
  Chunker(Writer& w, const SgpbV3WriteOptions& o) : w_(w), o_(o) {}
  pb::Frame& frame() { return frame_; }
  // Before adding an item of `size` bytes: refuses one too large (named by `item()`), closes
  // a full chunk.
  template <class Name>
  void room_for(std::uint64_t size, const Name& item, std::uint64_t items_limit = 0) {
    if (size > o_.max_item_bytes) too_large(item(), size, o_.max_item_bytes);
    if (bytes_ + size > o_.max_item_bytes || (items_limit && items_ + 1 > items_limit)) flush();
  }
  void added(std::uint64_t size) {
    bytes_ += size;
    ++items_;
  }
  bool full() const { return bytes_ >= o_.target_frame_bytes; }
  std::uint64_t items() const { return items_; }
  // Writes the chunk (after the on_flush function filled in what closes it) unless empty.
  void flush() {
    if (items_ == 0) return;
    finish_();
    w_.write(frame_);
    frame_.Clear();
    bytes_ = items_ = 0;
  }
  void on_flush(std::function<void()> f) { finish_ = std::move(f); }

 private:
  Writer& w_;
  const SgpbV3WriteOptions& o_;
  pb::Frame frame_;
  std::uint64_t bytes_ = 0, items_ = 0;
  std::function<void()> finish_ = [] {};
};

void write_nodes(const graph::Graph& g, Writer& w, const SgpbV3WriteOptions& o,
                 detail::IndexLayout& layout) {
  Chunker c(w, o);
  std::string kinds, id_ends, ids, name_ends, names;
  std::uint64_t first = 0;
  c.on_flush([&] {
    pb::NodeTable* t = c.frame().mutable_node_table();
    t->set_first(first);
    t->set_count(static_cast<std::uint32_t>(c.items()));
    layout.node_table_firsts.push_back(first);
    move_columns({{t->mutable_kinds(), &kinds},
                  {t->mutable_id_ends(), &id_ends},
                  {t->mutable_ids(), &ids},
                  {t->mutable_name_ends(), &name_ends},
                  {t->mutable_names(), &names}});
    first += c.items();
  });
  for (graph::NodeIndex v = 0; v < g.node_count(); ++v) {
    const graph::NodeData& d = g.node(v);
    pb::NodeExtra extra;
    for (const auto& a : d.aliases) extra.add_aliases(a);
    for (const auto& [k, val] : d.attributes) (*extra.mutable_attributes())[k] = val;
    const bool has_extra = !d.aliases.empty() || !d.attributes.empty();
    const std::uint64_t size =
        16 + d.id.size() + d.name.size() + (has_extra ? extra.ByteSizeLong() + 12 : 0);
    c.room_for(size, [&] { return "node '" + excerpt_for_message(d.id) + "'"; });
    if (has_extra) {
      extra.set_node(static_cast<std::uint32_t>(c.items()));
      c.frame().mutable_node_table()->add_extras()->Swap(&extra);
    }
    kinds.push_back(static_cast<char>(d.kind));
    ids += d.id;
    put_u32(id_ends, static_cast<std::uint32_t>(ids.size()));
    names += d.name;
    put_u32(name_ends, static_cast<std::uint32_t>(names.size()));
    c.added(size);
    if (c.full()) c.flush();
  }
  c.flush();
}

void write_edges(const std::vector<EdgeRow>& rows, Writer& w, const SgpbV3WriteOptions& o,
                 detail::IndexLayout& layout) {
  Chunker c(w, o);
  std::string sources, targets, relations, signs, flags, first_seen, last_seen, counts, weights,
      goldsteins;
  std::uint64_t first = 0, evidence = 0, chunk_evidence = 0;
  c.on_flush([&] {
    pb::EdgeTable* t = c.frame().mutable_edge_table();
    t->set_first(first);
    t->set_count(static_cast<std::uint32_t>(c.items()));
    layout.edge_table_firsts.push_back(first);
    layout.edge_table_evidence.push_back(evidence - chunk_evidence);
    chunk_evidence = 0;
    move_columns({{t->mutable_sources(), &sources},
                  {t->mutable_targets(), &targets},
                  {t->mutable_relations(), &relations},
                  {t->mutable_signs(), &signs},
                  {t->mutable_flags(), &flags},
                  {t->mutable_first_seen(), &first_seen},
                  {t->mutable_last_seen(), &last_seen},
                  {t->mutable_evidence_counts(), &counts},
                  {t->mutable_weights(), &weights},
                  {t->mutable_goldsteins(), &goldsteins}});
    first += c.items();
  });
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i + kPrefetchRows < rows.size()) __builtin_prefetch(rows[i + kPrefetchRows].data);
    const graph::EdgeData& d = *rows[i].data;
    const std::uint64_t size = 23 + (d.weight ? 8 : 0) + (d.goldstein ? 8 : 0);
    c.room_for(size, [] { return std::string("an edge"); });
    put_u32(sources, rows[i].source);
    put_u32(targets, rows[i].target);
    relations.push_back(static_cast<char>(d.relation));
    signs.push_back(static_cast<char>(d.sign));
    flags.push_back(static_cast<char>((d.weight ? 1 : 0) | (d.goldstein ? 2 : 0)));
    put_u32(first_seen, static_cast<std::uint32_t>(d.first_seen));
    put_u32(last_seen, static_cast<std::uint32_t>(d.last_seen));
    put_u32(counts, static_cast<std::uint32_t>(d.evidence_total()));
    evidence += d.evidence_total();
    chunk_evidence += d.evidence_total();
    if (d.weight) put_f64(weights, *d.weight);
    if (d.goldstein) put_f64(goldsteins, *d.goldstein);
    c.added(size);
    if (c.full()) c.flush();
  }
  c.flush();
}

void write_articles(const graph::Graph& g, Writer& w, const SgpbV3WriteOptions& o,
                    detail::IndexLayout& layout) {
  Chunker c(w, o);
  std::uint64_t first = 0;
  c.on_flush([&] {
    layout.article_firsts.push_back(first);
    first += c.items();
  });
  for (const graph::Article& a : g.articles()) {
    pb::Article m = to_proto(a);
    const std::uint64_t size = m.ByteSizeLong() + 6;
    c.room_for(
        size, [&] { return "article '" + excerpt_for_message(a.id) + "'"; }, kMaxFrameItems - 1);
    c.frame().mutable_articles()->add_articles()->Swap(&m);
    c.added(size);
    if (c.full()) c.flush();
  }
  c.flush();
}

// Evidence chunks, encoded by hand: the bytes pb::Frame{evidence: EvidenceChunk} serializes to
// (first = 1, omitted when 0; each item as field 2), without building a Protobuf object per
// item (the writer's largest cost when it did). Returns whether every edge's [first_seen,
// last_seen] (last_seen unset: first_seen alone) holds the date (graph::evidence_date) of each
// of its dated items, as Graph::add_evidence keeps it (dates given apart from the evidence
// may not): the node index says so (its directory's field 22), and show --since/--until then
// skips the edges whose dates miss the range. Checked here, where each item's article is at
// hand.
bool write_evidence(const graph::Graph& g, const std::vector<EdgeRow>& rows, Writer& w,
                    const SgpbV3WriteOptions& o) {
  bool dates_cover = true;
  const std::vector<graph::Article>& articles = g.articles();
  std::uint64_t first = 0, items = 0, bytes = 0;
  std::string chunk, item, payload;
  const auto flush = [&] {
    if (items == 0) return;
    std::string head;
    put_varint_field(head, 1, first);
    payload.clear();
    put_varint(payload, pb::Frame::kEvidence << 3 | 2);
    put_varint(payload, head.size() + chunk.size());
    payload += head;
    payload += chunk;
    w.write_swapped(payload, pb::Frame::kEvidence);
    chunk.clear();
    first += items;
    items = bytes = 0;
  };
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i + kPrefetchRows < rows.size()) __builtin_prefetch(rows[i + kPrefetchRows].data);
    if (i + kPrefetchRows / 2 < rows.size())
      __builtin_prefetch(rows[i + kPrefetchRows / 2].data->evidence.data());
    const graph::EdgeData& d = *rows[i].data;
    if (d.unloaded_evidence != 0)
      throw graph::InvalidArgument(
          "the graph was loaded without its evidence (a topology-only load): not written");
    const graph::Date last = d.last_seen == graph::kNoDate ? d.first_seen : d.last_seen;
    for (const graph::Evidence& ev : d.evidence) {
      // graph::evidence_date, inline.
      const graph::Date date = ev.date != graph::kNoDate ? ev.date
                               : ev.article != graph::kNoArticle && ev.article < articles.size()
                                   ? articles[ev.article].date
                                   : graph::kNoDate;
      if (date != graph::kNoDate &&
          (d.first_seen == graph::kNoDate || date < d.first_seen || date > last))
        dates_cover = false;
      encode_evidence(g, ev, item);
      const std::uint64_t size = item.size() + 6;
      // As Chunker::room_for: an item too large is refused, a chunk that would pass the
      // limit (in bytes or items) is closed first.
      if (size > o.max_item_bytes)
        too_large("an evidence item of edge '" + excerpt_for_message(g.node(rows[i].source).id) +
                      "' -" + std::string(graph::relation_name(d.relation)) + "-> '" +
                      excerpt_for_message(g.node(rows[i].target).id) + "'",
                  size, o.max_item_bytes);
      if (bytes + size > o.max_item_bytes || items + 1 > kMaxFrameItems - 1) flush();
      put_varint(chunk, 2 << 3 | 2);
      put_varint(chunk, item.size());
      chunk += item;
      bytes += size;
      ++items;
      if (bytes >= o.target_frame_bytes) flush();
    }
  }
  flush();
  return dates_cover;
}

}  // namespace

void write_sgpb_v3_frames(const graph::Graph& g, std::ostream& out, const SgpbV3WriteOptions& o) {
  Writer w(out);
  pb::Frame frame;
  pb::Header* h = frame.mutable_header();
  h->set_format_version(3);
  h->set_writer("stakegraph 0.1");
  h->set_node_count(g.node_count());
  h->set_edge_count(g.edge_count());
  h->set_article_count(g.articles().size());
  h->set_evidence_count(o.evidence_total);
  h->set_user_weights(true);
  w.write(frame);
  detail::IndexLayout layout;
  const std::vector<EdgeRow> rows = edge_rows(g);
  layout.edge_ends.reserve(rows.size());
  for (const EdgeRow& r : rows) layout.edge_ends.emplace_back(r.source, r.target);
  write_nodes(g, w, o, layout);
  write_edges(rows, w, o, layout);
  write_articles(g, w, o, layout);
  const bool dates_cover = write_evidence(g, rows, w, o);
  const std::uint64_t index_chunk_bytes = std::min<std::uint64_t>(
      o.target_frame_bytes, o.max_item_bytes > 64 ? o.max_item_bytes - 64 : 1);
  detail::write_node_index(
      g, layout, index_chunk_bytes,
      [&](const std::string& payload, int body) { w.write_raw(payload, body); }, o.node_edge_lists,
      dates_cover);
  frame.Clear();
  pb::Footer* f = frame.mutable_footer();
  f->set_node_count(g.node_count());
  f->set_edge_count(g.edge_count());
  f->set_article_count(g.articles().size());
  f->set_frame_count(w.lengths().size());
  for (std::uint32_t n : w.lengths()) f->add_frame_lengths(n);
  f->set_frame_kinds(w.kinds());
  const std::uint64_t footer_offset = w.offset();
  w.write(frame);
  std::string trailer;
  put_u64(trailer, footer_offset);
  trailer.append(kSgpbTrailerMagic, sizeof kSgpbTrailerMagic);
  out.write(trailer.data(), static_cast<std::streamsize>(trailer.size()));
  out.flush();
  if (!out) throw graph::Error("write failed (disk full?)");
}

}  // namespace stakegraph::io
