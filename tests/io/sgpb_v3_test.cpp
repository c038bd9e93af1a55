// .sgpb format version 3 (io/formats/sgpb_v3.hpp): round trips equal the graph; the topology-only
// load equals the graph without its evidence (counts kept) and reads no evidence frame;
// older versions (written by the version 2 layout, and a fixture written by the stakegraph
// of before version 3) still open; corruption and truncation of each frame type give a
// ParseError naming the byte offset of the frame at fault, from both readers.
#include <gtest/gtest.h>
#include <zlib.h>

#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <sstream>

#include "tests/cli/run.hpp"

#include "graph/error.hpp"
#include "io/error.hpp"
#include "io/formats/formats.hpp"
#include "io/formats/proto_convert.hpp"
#include "io/formats/sgpb.hpp"
#include "io/formats/sgpb_v3.hpp"
#include "tests/support/data.hpp"
#include "tests/temp_dir.hpp"
#include "tests/test_graphs.hpp"

namespace stakegraph::io {
namespace {

class SgpbV3Test : public test_support::TempDirTest {};

std::string bytes_of(const graph::Graph& g, SgpbWriteOptions o = {}) {
  std::ostringstream out;
  write_sgpb(g, out, o);
  return out.str();
}

graph::Graph read_bytes(const std::string& bytes) {
  std::istringstream in(bytes);
  return read_sgpb(in, "mem.sgpb");
}

std::uint64_t le(const std::string& b, std::size_t at, int n) {
  std::uint64_t v = 0;
  for (int i = n - 1; i >= 0; --i)
    v = v << 8 | static_cast<unsigned char>(b[at + static_cast<std::size_t>(i)]);
  return v;
}

// The node index's frames (Frame fields 9 and 10, encoded by hand: io/formats/sgpb_v3_index.hpp).
constexpr int kIndexChunk = 9;
constexpr int kIndexDirectory = 10;

// The frames of a version 3 file, from its trailer and footer (read independently of the
// library's reader): offset and Frame.body field number of each, the footer included.
struct FrameAt {
  std::uint64_t offset;
  std::uint64_t length;
  int body;
};
std::vector<FrameAt> frames_of(const std::string& b) {
  const std::uint64_t footer_at = le(b, b.size() - 16, 8);
  pb::Frame f;
  EXPECT_TRUE(f.ParseFromString(b.substr(footer_at + 8, le(b, footer_at, 4))));
  std::vector<FrameAt> out;
  std::uint64_t at = 8;
  for (int i = 0; i < f.footer().frame_lengths_size(); ++i) {
    out.push_back({at, f.footer().frame_lengths(i), f.footer().frame_kinds()[i]});
    at += 8 + f.footer().frame_lengths(i);
  }
  out.push_back({footer_at, le(b, footer_at, 4), pb::Frame::kFooter});
  return out;
}

// story_graph (tests/test_graphs.hpp: 7 nodes with aliases and attributes, weighted and
// unweighted edges, evidence from two articles) plus a random graph with evidence.
graph::Graph sample() {
  graph::Graph g = test_support::story_graph();
  g.merge(test_support::random_graph(60, 200, 21));
  return g;
}

// The graph as a topology load gives it: no articles, no evidence, counts kept.
void expect_topology_of(const graph::Graph& full, const graph::Graph& t) {
  EXPECT_EQ(test_support::graph_difference(full, t, /*compare_evidence=*/false), "");
  ASSERT_EQ(t.node_count(), full.node_count());
  for (graph::NodeIndex v = 0; v < t.node_count(); ++v) EXPECT_EQ(t.node(v).id, full.node(v).id);
  auto a = boost::edges(full.boost_graph()).first;
  for (auto [it, end] = boost::edges(t.boost_graph()); it != end; ++it, ++a) {
    EXPECT_EQ(t.source(*it), full.source(*a));
    EXPECT_EQ(t.target(*it), full.target(*a));
    const graph::EdgeData &x = t.edge(*it), &y = full.edge(*a);
    EXPECT_EQ(x.relation, y.relation);
    EXPECT_EQ(x.first_seen, y.first_seen);
    EXPECT_EQ(x.last_seen, y.last_seen);
    EXPECT_TRUE(x.evidence.empty());
    EXPECT_EQ(x.unloaded_evidence, y.evidence.size());
    EXPECT_EQ(x.evidence_total(), y.evidence_total());
  }
  EXPECT_TRUE(t.articles().empty());
  EXPECT_EQ(t.evidence_count(), full.evidence_count());
}

TEST_F(SgpbV3Test, WriterWritesVersion3ThatReadsBackWhole) {
  const graph::Graph g = sample();
  for (const std::size_t frame : {std::size_t{256}, std::size_t{4} << 20}) {
    const std::string bytes = bytes_of(g, {.target_frame_bytes = frame});
    const std::vector<FrameAt> frames = frames_of(bytes);
    EXPECT_EQ(frames.front().body, pb::Frame::kHeader);
    pb::Frame h;
    ASSERT_TRUE(h.ParseFromString(bytes.substr(16, frames.front().length)));
    EXPECT_EQ(h.header().format_version(), 3u);
    const graph::Graph back = read_bytes(bytes);
    EXPECT_EQ(test_support::graph_difference(g, back), "");
    EXPECT_EQ(test_support::graph_difference(back, g), "");
    EXPECT_EQ(back.articles().size(), g.articles().size());
  }
  const graph::Graph empty = read_bytes(bytes_of(graph::Graph{}));
  EXPECT_EQ(empty.node_count() + empty.edge_count(), 0u);
}

TEST_F(SgpbV3Test, TopologyLoadIsTheGraphWithoutEvidenceAndSkipsEvidenceFrames) {
  const graph::Graph g = sample();
  save_sgpb(g, path("g.sgpb"), {.target_frame_bytes = 512});
  const graph::Graph full = load_sgpb(path("g.sgpb"));
  const SgpbTopology t = load_sgpb_topology(path("g.sgpb"));
  EXPECT_EQ(t.format_version, 3u);
  EXPECT_FALSE(t.evidence_loaded);
  EXPECT_EQ(t.article_count, g.articles().size());
  EXPECT_EQ(t.evidence_count, g.evidence_count());
  expect_topology_of(full, t.graph);
  // It read the header, trailer, footer and tables only: no byte of an article, evidence or
  // node index frame (the footer's 8-byte head is read twice: to check it, then with the
  // footer).
  const std::string bytes = test_support::slurp(path("g.sgpb"));
  std::uint64_t skipped = 0;
  for (const FrameAt& f : frames_of(bytes))
    if (f.body == pb::Frame::kArticles || f.body == pb::Frame::kEvidence || f.body == kIndexChunk ||
        f.body == kIndexDirectory)
      skipped += 8 + f.length;
  EXPECT_GT(skipped, bytes.size() / 2);
  EXPECT_LE(t.bytes_read, bytes.size() - skipped + 8);
  // The formats entry point gives the same, and the article count.
  const TopologyLoad l = load_graph_topology(path("g.sgpb"));
  expect_topology_of(full, l.graph);
  EXPECT_EQ(l.article_count, g.articles().size());
  // A topology is not a graph to save: its evidence would be lost.
  EXPECT_THROW(save_sgpb(t.graph, path("lost.sgpb")), graph::Error);
  EXPECT_THROW(save_sgpb(t.graph, path("lost.sgpb"), {.format_version = 2}), graph::Error);
}

TEST_F(SgpbV3Test, OlderVersionsOpenAsBefore) {
  const graph::Graph g = sample();
  // Version 1 and 2 files from the layout of version 2 (kept as a writer option).
  save_sgpb(g, path("v1.sgpb"), {.format_version = 2});
  save_sgpb(g, path("v2.sgpb"),
            {.target_frame_bytes = 256, .max_frame_bytes = 300, .format_version = 2});
  for (const char* name : {"v1.sgpb", "v2.sgpb"}) {
    EXPECT_EQ(test_support::graph_difference(g, load_sgpb(path(name))), "") << name;
    const SgpbTopology t = load_sgpb_topology(path(name));
    EXPECT_TRUE(t.evidence_loaded) << name;
    EXPECT_EQ(test_support::graph_difference(g, t.graph), "") << name;
    EXPECT_EQ(t.article_count, g.articles().size());
  }
  EXPECT_EQ(load_sgpb_topology(path("v1.sgpb")).format_version, 1u);
  EXPECT_EQ(load_sgpb_topology(path("v2.sgpb")).format_version, 2u);
  // A file written by stakegraph before version 3 (tests/data/sgpb/README.md) and its JSON
  // export by that same build.
  const std::string old = test_support::test_data("sgpb/before_v3.sgpb").string();
  STAKEGRAPH_NEED_FILE(old);
  const graph::Graph from_json =
      load_graph(test_support::test_data("sgpb/before_v3.json").string());
  EXPECT_EQ(test_support::graph_difference(from_json, load_sgpb(old)), "");
  EXPECT_EQ(test_support::graph_difference(from_json, load_sgpb_topology(old).graph), "");
  // convert upgrades by writing.
  save_sgpb(load_sgpb(old), path("up.sgpb"));
  EXPECT_EQ(load_sgpb_topology(path("up.sgpb")).format_version, 3u);
  EXPECT_EQ(test_support::graph_difference(from_json, load_sgpb(path("up.sgpb"))), "");
}

// Every flipped byte: the full reader names a frame at or before it; the topology reader
// does too, or (for a byte of an article or evidence frame, which it never reads) gives the
// undamaged topology.
TEST_F(SgpbV3Test, EveryFlippedByteIsDetectedOrUnread) {
  const graph::Graph g = test_support::story_graph();
  const std::string bytes = bytes_of(g, {.target_frame_bytes = 200});
  const std::vector<FrameAt> frames = frames_of(bytes);
  const graph::Graph full = read_bytes(bytes);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    std::string damaged = bytes;
    damaged[i] = static_cast<char>(damaged[i] ^ 0x5A);
    try {
      read_bytes(damaged);
      ADD_FAILURE() << "flipped byte " << i << " was not detected";
    } catch (const io::ParseError& e) {
      EXPECT_NE(std::string(e.what()).find("mem.sgpb: byte offset"), std::string::npos);
      EXPECT_LE(e.offset(), i) << e.what();
    }
    const std::string p = write("d.sgpb", damaged);
    int body = -1;  // of the frame holding byte i (-1: magic or trailer)
    for (const FrameAt& f : frames)
      if (i >= f.offset && i < f.offset + 8 + f.length) body = f.body;
    try {
      const SgpbTopology t = load_sgpb_topology(p);
      EXPECT_TRUE(body == pb::Frame::kArticles || body == pb::Frame::kEvidence ||
                  body == kIndexChunk || body == kIndexDirectory)
          << "flipped byte " << i << " in a frame of kind " << body << " was not detected";
      expect_topology_of(full, t.graph);
    } catch (const io::ParseError& e) {
      EXPECT_NE(std::string(e.what()).find("d.sgpb: byte offset"), std::string::npos);
      EXPECT_LE(e.offset(), i) << e.what();
    }
  }
}

// A byte flipped in the middle of each kind of frame: both readers name that frame's offset.
TEST_F(SgpbV3Test, CorruptionOfEachFrameTypeNamesItsOffset) {
  const std::string bytes = bytes_of(sample(), {.target_frame_bytes = 512});
  std::map<int, FrameAt> first_of;
  std::vector<std::pair<int, FrameAt>> damaged_frames;
  for (const FrameAt& f : frames_of(bytes)) first_of.emplace(f.body, f);
  // header, node and edge tables, articles, evidence, node index chunks (the last of them its
  // directory), footer
  ASSERT_EQ(first_of.size(), 7u);
  damaged_frames.assign(first_of.begin(), first_of.end());
  FrameAt directory;
  for (const FrameAt& f : frames_of(bytes))
    if (f.body == kIndexChunk) directory = f;
  damaged_frames.emplace_back(kIndexChunk, directory);
  for (const auto& [body, f] : damaged_frames) {
    std::string damaged = bytes;
    damaged[f.offset + 8 + f.length / 2] ^= 0x01;
    try {
      read_bytes(damaged);
      ADD_FAILURE() << "frame kind " << body;
    } catch (const io::ParseError& e) {
      EXPECT_EQ(e.offset(), f.offset) << e.what();
      EXPECT_NE(std::string(e.what()).find("checksum"), std::string::npos) << e.what();
    }
    if (body == pb::Frame::kArticles || body == pb::Frame::kEvidence || body == kIndexChunk ||
        body == kIndexDirectory)
      continue;
    try {
      load_sgpb_topology(write("d.sgpb", damaged));
      ADD_FAILURE() << "frame kind " << body;
    } catch (const io::ParseError& e) {
      EXPECT_EQ(e.offset(), f.offset) << e.what();
    }
  }
  // The trailer: the topology reader walks the frames and names it.
  std::string damaged = bytes;
  damaged[bytes.size() - 3] ^= 0x01;
  try {
    load_sgpb_topology(write("d.sgpb", damaged));
    ADD_FAILURE() << "trailer";
  } catch (const io::ParseError& e) {
    EXPECT_EQ(e.offset(), bytes.size() - 16) << e.what();
  }
  EXPECT_THROW(read_bytes(damaged), io::ParseError);
}

// Every truncation is an error (never a crash): from a stream, and from a file; a cut inside
// a frame names that frame.
TEST_F(SgpbV3Test, EveryTruncationIsAnError) {
  const std::string bytes = bytes_of(sample(), {.target_frame_bytes = 512});
  const std::vector<FrameAt> frames = frames_of(bytes);
  for (std::size_t cut = 0; cut < bytes.size(); cut += cut < 200 ? 1 : 7) {
    const std::string head = bytes.substr(0, cut);
    std::uint64_t expected = cut;  // the frame cut short, or the end for a cut between frames
    for (const FrameAt& f : frames)
      if (cut >= f.offset && cut < f.offset + 8 + f.length) expected = f.offset;
    if (cut >= bytes.size() - 16) expected = frames.back().offset + 8 + frames.back().length;
    for (int reader = 0; reader < 2; ++reader) {
      try {
        if (reader == 0)
          read_bytes(head);
        else
          load_sgpb_topology(write("t.sgpb", head));
        ADD_FAILURE() << "truncation at " << cut << " was not detected";
      } catch (const io::ParseError& e) {
        if (cut > 8 + 8 + frames.front().length) {
          EXPECT_EQ(e.offset(), expected) << "cut " << cut << ": " << e.what();
        }
      }
    }
  }
}

// A version 3 file of the given frame payloads after the header (its counts: `nodes` nodes,
// no edge, article or evidence), with the footer's index and the trailer, written
// independently of the library's writer.
std::string v3_file_of(std::uint64_t nodes, const std::vector<std::string>& after_header) {
  pb::Frame header;
  pb::Header* h = header.mutable_header();
  h->set_format_version(3);
  h->set_node_count(nodes);
  h->set_evidence_count(0);
  std::vector<std::string> payloads{header.SerializeAsString()};
  payloads.insert(payloads.end(), after_header.begin(), after_header.end());
  pb::Frame footer;
  footer.mutable_footer()->set_node_count(nodes);
  footer.mutable_footer()->set_frame_count(payloads.size());
  std::string bytes(kSgpbMagic, sizeof kSgpbMagic), kinds;
  const auto put = [&bytes](std::uint64_t v, int n) {
    for (int i = 0; i < n; ++i) bytes.push_back(static_cast<char>(v >> (8 * i)));
  };
  const auto append = [&](const std::string& payload) {
    put(payload.size(), 4);
    put(::crc32(0, reinterpret_cast<const Bytef*>(payload.data()),
                static_cast<uInt>(payload.size())),
        4);
    bytes += payload;
  };
  for (const std::string& p : payloads) {
    append(p);
    footer.mutable_footer()->add_frame_lengths(static_cast<std::uint32_t>(p.size()));
    kinds.push_back(static_cast<char>(static_cast<unsigned char>(p[0]) >> 3));
  }
  footer.mutable_footer()->set_frame_kinds(kinds);
  const std::uint64_t footer_at = bytes.size();
  append(footer.SerializeAsString());
  put(footer_at, 8);
  bytes.append(kSgpbTrailerMagic, sizeof kSgpbTrailerMagic);
  return bytes;
}

std::string varint_bytes(std::uint64_t v) {
  std::string out;
  for (; v >= 0x80; v >>= 7) out.push_back(static_cast<char>(v | 0x80));
  out.push_back(static_cast<char>(v));
  return out;
}

// The payload of a node table of one node (id "a", name "A") followed by `extras`, the wire
// bytes of its aliases-and-attributes items (NodeTable field 8), appended as they are.
std::string one_node_table(const std::string& extras) {
  pb::NodeTable t;
  t.set_count(1);
  t.set_kinds(std::string(1, '\x01'));
  t.set_id_ends(std::string("\x01\0\0\0", 4));
  t.set_ids("a");
  t.set_name_ends(std::string("\x01\0\0\0", 4));
  t.set_names("A");
  const std::string table = t.SerializeAsString() + extras;
  return "\x32" + varint_bytes(table.size()) + table;  // Frame field 6 (node_table)
}

// NodeTable field 8 holding the given NodeExtra bytes.
std::string extra_field(const std::string& extra) {
  return "\x42" + varint_bytes(extra.size()) + extra;
}

// Issue 13, item 9 on version 3: a node table's aliases-and-attributes items (NodeExtra) were
// counted against the frame's item limit only, and by the topology readers after the frame
// was decoded: a 16 MB file of one node with 8 million empty items took 1.5 GB and read as a
// good graph; one item with 30 million empty aliases (60 MB) took 1.7 GB. Before decoding,
// a table has at most one such item per node, and these items with their aliases and
// attributes are at most kMaxFrameItems; each reader names the node table's offset.
TEST_F(SgpbV3Test, NodeTableAmplificationIsRefusedBeforeDecoding) {
  std::string many_aliases;  // kMaxFrameItems empty aliases (NodeExtra field 2)
  for (std::uint64_t i = 0; i < kMaxFrameItems; ++i) many_aliases += std::string("\x12\x00", 2);
  const struct {
    const char* what;
    std::string extras;
    const char* error;
  } cases[] = {
      {"three items for one node", extra_field("") + extra_field("") + extra_field(""),
       "node table of 1 nodes holds 3 aliases-and-attributes items"},
      {"an item with kMaxFrameItems aliases", extra_field(many_aliases),
       "the frame holds 8388609 aliases and attributes, more than a frame may hold (8388608)"},
  };
  // One item with one alias is a good graph (the checks refuse no good file).
  pb::NodeExtra one;
  one.add_aliases("Alias");
  const graph::Graph good =
      read_bytes(v3_file_of(1, {one_node_table(extra_field(one.SerializeAsString()))}));
  ASSERT_EQ(good.node_count(), 1u);
  EXPECT_EQ(good.node(0).aliases, std::vector<std::string>{"Alias"});
  for (const auto& c : cases) {
    const std::string bytes = v3_file_of(1, {one_node_table(c.extras)});
    const std::uint64_t at = 8 + 8 + le(bytes, 8, 4);  // the node table: after the header
    const std::string p = write("amp.sgpb", bytes);
    for (int reader = 0; reader < 3; ++reader) {
      try {
        if (reader == 0)
          read_bytes(bytes);
        else if (reader == 1)
          load_sgpb_topology(p);
        else
          load_sgpb_topology_arrays(p);
        ADD_FAILURE() << c.what << ": read by reader " << reader;
      } catch (const io::ParseError& e) {
        EXPECT_EQ(e.offset(), at) << c.what << ": " << e.what();
        EXPECT_NE(std::string(e.what()).find(c.error), std::string::npos)
            << c.what << ": " << e.what();
      }
    }
  }
}

// Issue 13 (bounded cost): a node's attributes were set in the order of the file's map,
// which is unspecified, each out-of-order one shifting the node's sorted attributes: 80,000
// attributes on one node took 13.7 s to read. They are set in key order; a node with many
// attributes reads back whole from both layouts.
TEST_F(SgpbV3Test, NodeWithManyAttributesReadsBack) {
  graph::Graph g;
  const graph::NodeIndex v = g.add_node("Acme", graph::Kind::kVendor);
  for (int i = 3000; i > 0; --i) g.set_attribute(v, "key " + std::to_string(i), std::to_string(i));
  for (const std::uint32_t version : {2u, 3u}) {
    const graph::Graph back = read_bytes(bytes_of(g, {.format_version = version}));
    ASSERT_EQ(back.node_count(), 1u);
    EXPECT_EQ(back.node(0).attributes, g.node(v).attributes) << "version " << version;
  }
}

// The writer encodes evidence chunks by hand (io/formats/sgpb_v3_write.cpp); the bytes must be
// the Protobuf encoding the reader and every other Protobuf library expect. Oracle: libprotobuf
// itself. Each evidence frame's payload equals the serialization of its own parse (so fields
// are in number order with proto3 defaults omitted), and its items equal evidence_to_proto of
// the graph's evidence, in order. Items cover every field at zero, at its largest and between:
// confidence 0, -0 (written: its bits are not zero), 1e-30, 1; varints of 1 to 5 bytes; UTF-8
// text; hedged; an article and a date or none.
TEST_F(SgpbV3Test, HandEncodedEvidenceIsProtobufsEncoding) {
  graph::Graph g = test_support::story_graph();
  const auto a = g.add_node("Evidence Source", graph::Kind::kMedia);
  const auto b = g.add_node("Evidence Target", graph::Kind::kPerson);
  const auto art = g.add_article({.id = "art-1", .title = "T", .date = 20240229});
  const float confidences[] = {0.0f, -0.0f, 1e-30f, 1.0f, 0.3f};
  const std::uint32_t counts[] = {0, 1, 127, 128, 300, 16384, 0xFFFFFFFFu};
  for (int i = 0; i < 40; ++i) {
    graph::Evidence ev;
    ev.article = i % 3 == 0 ? art : graph::kNoArticle;
    ev.sentence = counts[i % 7];
    ev.start = counts[(i + 1) % 7];
    ev.end = counts[(i + 2) % 7];
    ev.text = i % 5 == 4 ? "" : "Z\u00fcrich \u2014 \u6771\u4eac, item " + std::to_string(i);
    ev.hedged = i % 2 == 1;
    ev.speaker = i % 4 == 0 ? "a spokesman" : "";
    ev.rule = i % 6 == 0 ? "" : "rule";
    ev.confidence = confidences[i % 5];
    ev.mentions = counts[(i + 3) % 7];
    ev.sources = counts[(i + 4) % 7];
    ev.date = i % 4 == 1 ? 20231231 : graph::kNoDate;
    g.add_evidence(g.add_edge(i % 2 ? a : b, i % 2 ? b : a, graph::Relation::kConsult), ev);
  }
  std::vector<std::string> expected;
  for (auto [it, end] = boost::edges(g.boost_graph()); it != end; ++it)
    for (const graph::Evidence& ev : g.edge(*it).evidence) {
      pb::Evidence x;
      evidence_to_proto(g, ev, &x);
      expected.push_back(x.SerializeAsString());
    }
  ASSERT_GT(expected.size(), 40u);
  for (const std::uint64_t frame_bytes : {200ull, 4ull << 20}) {
    const std::string bytes = bytes_of(g, {.target_frame_bytes = frame_bytes});
    std::size_t item = 0, frames = 0;
    std::uint64_t first = 0;
    for (const FrameAt& f : frames_of(bytes)) {
      if (f.body != pb::Frame::kEvidence) continue;
      const std::string payload = bytes.substr(f.offset + 8, f.length);
      pb::Frame frame;
      ASSERT_TRUE(frame.ParseFromString(payload));
      EXPECT_EQ(frame.SerializeAsString(), payload) << "frame at " << f.offset;
      EXPECT_EQ(frame.evidence().first(), first);
      for (const pb::Evidence& x : frame.evidence().evidence()) {
        ASSERT_LT(item, expected.size());
        EXPECT_EQ(x.SerializeAsString(), expected[item]) << "item " << item;
        ++item;
      }
      first += static_cast<std::uint64_t>(frame.evidence().evidence_size());
      ++frames;
    }
    EXPECT_EQ(item, expected.size());
    EXPECT_GT(frames, frame_bytes == 200 ? 5u : 0u);
    EXPECT_EQ(test_support::graph_difference(g, read_bytes(bytes)), "");
  }
}

}  // namespace
}  // namespace stakegraph::io
