// Bad input through the CLI, table-driven: every reader x every kind of damage.
//
// Readers (each run through the subcommand that uses it):
//   Txt, Md, Jsonl         `extract FILE` (stdout must stay empty)
//   TxtIngest, JsonlIngest `ingest FILE -o OUT.sgpb`
//   Sgpb, Json, Graphml,   `convert FILE OUT` (OUT .json for .sgpb input, else .sgpb)
//   Csv
//   IngestTarget           the damaged file is the graph `ingest` updates (-o BAD.sgpb)
//   ImportTarget           the damaged file is the graph `import gdelt` updates (-o BAD.json)
//   Gdelt, GdeltStrict     `import gdelt FILE -o OUT.sgpb` without and with --strict
//   Lexicon, LexiconIngest `extract --lexicon FILE ARTICLE`, `ingest --lexicon FILE ARTICLE -o`
// Damage: empty file, missing file, a directory, 4 KiB of binary junk, invalid UTF-8, a NUL
// byte, a 100 MB single line, a truncated file, one flipped byte, another format's content.
//
// Every case must end with exit status 1, exactly one line on stderr ("stakegraph: error:
// ..."), naming the file; content errors (not: empty, missing, directory, size limits) also
// name a position, "FILE:LINE" or "byte offset N", and where the damaged byte is known,
// that very line or offset. Nothing on stdout; no output file created, an existing output
// file left byte for byte as it was, and no temporary file left beside it. Every run has a
// time limit (tests/cli/run.hpp), and the 100 MB cases check that the peak memory of the
// child processes stays under 1 GiB.
//
// What "damage" means where a format cannot see it: a text article cut short is still an
// article unless the cut splits a UTF-8 character, so the truncated .txt/.md cases cut
// inside one; a flipped bit in a text format is caught only when it makes the text invalid
// UTF-8, so text formats get their top bit flipped; GDELT is published compressed, so its
// truncated and flipped cases are .gz files (the gzip CRC catches them). For .sgpb, a NUL
// byte is ordinary binary content: its NUL case overwrites a payload byte (checksum
// mismatch), and its invalid-UTF-8 case puts invalid UTF-8 into a string field of a frame
// whose checksum is then fixed up (Protobuf must refuse it, without logging).
// Without --strict, a GDELT row with invalid UTF-8 or a NUL byte in an otherwise good file
// is counted and listed as malformed (exit 0; GdeltLenient.DamagedRowIsListed), so those
// two cases run only with --strict.
//
// Also in this executable: .sgpb headers over the size limits (sgpb_limits_test.cpp), and
// queries naming unknown nodes and usage errors (query_errors_test.cpp).
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "io/formats/json_format.hpp"
#include "io/formats/sgpb.hpp"
#include "tests/cli/run.hpp"
#include "tests/cli/sgpb_bytes.hpp"
#include "tests/support/gdelt_rows.hpp"
#include "tests/temp_dir.hpp"
#include "tests/test_graphs.hpp"

namespace stakegraph {
namespace {

namespace fs = std::filesystem;
using test_support::fix_sgpb_crc;
using test_support::get_u32;
using test_support::put_u32;
using test_support::run_stakegraph;
using test_support::sgpb_bytes;

const std::string kArticle =
    std::string(STAKEGRAPH_SOURCE_DIR) + "/samples/articles/seed-huawei-allies.txt";
constexpr std::uint64_t kHugeLineBytes = 100ull << 20;
constexpr long kMaxChildRssKb = 1l << 20;  // 1 GiB
constexpr int kRunTimeoutSeconds = 120;

std::string quote(const std::string& s) { return "'" + s + "'"; }

// ---- valid inputs, each with the marker "Qorvex" where damage goes --------------------------

const char kGoodTxt[] =
    "Title: Britain bars vendors\n"
    "Date: 2020-07-14\n"
    "\n"
    "Britain banned Qorvex and Huawei from its 5G networks on Tuesday.\n"
    "BT and Vodafone must remove the equipment by 2027, officials said\xE2\x80\xA6\n";

const char kGoodMd[] =
    "# Britain bars vendors\n"
    "\n"
    "Britain banned Qorvex and Huawei from its 5G networks on Tuesday.\n"
    "BT and Vodafone must remove the equipment by 2027, officials said\xE2\x80\xA6\n";

const char kGoodJsonl[] =
    "{\"title\": \"One\", \"date\": \"2020-07-14\", \"text\": \"Britain banned Huawei.\"}\n"
    "{\"title\": \"Two\", \"date\": \"2020-07-15\", \"text\": \"Denmark banned Qorvex.\"}\n"
    "{\"title\": \"Three\", \"date\": \"2020-07-16\", \"text\": \"Germany banned ZTE.\"}\n";

const char kGoodJson[] =
    "{\n"
    "  \"format_version\": 1,\n"
    "  \"nodes\": [\n"
    "    {\"id\": \"qorvex\", \"name\": \"Qorvex Wireless\", \"kind\": \"vendor\"},\n"
    "    {\"id\": \"bt\", \"name\": \"BT\", \"kind\": \"operator\"}\n"
    "  ],\n"
    "  \"edges\": [\n"
    "    {\"source\": \"qorvex\", \"target\": \"bt\", \"relation\": \"supplies\"}\n"
    "  ]\n"
    "}\n";

const char kGoodGraphml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
    "  <key id=\"d0\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
    "  <key id=\"d1\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n"
    "  <graph edgedefault=\"directed\">\n"
    "    <node id=\"q\"><data key=\"d0\">Qorvex Wireless</data></node>\n"
    "    <node id=\"b\"><data key=\"d0\">BT</data></node>\n"
    "    <edge source=\"q\" target=\"b\"><data key=\"d1\">supplies</data></edge>\n"
    "  </graph>\n"
    "</graphml>\n";

const char kGoodCsv[] =
    "source,target,relation,weight\n"
    "Huawei,BT,supplies,1\n"
    "Qorvex Wireless,Vodafone,supplies,2\n"
    "\"Huawei, Ltd.\",EE,supplies,1\n";

const char kGoodLexicon[] =
    "# test lexicon\n"
    "entry { name: \"Acme Mobile\" kind: \"operator\" }\n"
    "entry { name: \"Qorvex Wireless\" kind: \"vendor\" alias: \"Qorvex\" }\n"
    "verb { relation: \"SANCTION\" form: \"blacklisted\" }\n";

// A GDELT 1.0 row (tests/support/gdelt_rows.hpp); `actor1_name` goes into Actor1Name.
std::string gdelt_row(int id, const std::string& actor1_name) {
  return test_support::gdelt_row(
      {.id = id, .actor1_name = actor1_name, .actor2_name = "CHINA", .goldstein = "2.8"});
}

std::string gdelt_text(int rows) {
  std::string s;
  for (int i = 1; i <= rows; ++i) s += gdelt_row(i, i == 2 ? "QORVEX" : "UNITED STATES");
  return s;
}

std::string gzip(const std::string& text) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&z, static_cast<uLong>(text.size())) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  z.avail_in = static_cast<uInt>(text.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::string json_graph_text() {
  std::ostringstream out;
  io::write_json(test_support::story_graph(), out);
  return out.str();
}

// The offset of the frame whose payload contains `needle`, and the needle's offset.
std::pair<std::size_t, std::size_t> sgpb_frame_with(const std::string& file,
                                                    const std::string& needle) {
  std::size_t at = 8;
  while (at + 8 <= file.size()) {
    const std::uint32_t len = get_u32(file, at);
    const std::size_t hit = file.find(needle, at + 8);
    if (hit != std::string::npos && hit < at + 8 + len) return {at, hit};
    at += 8 + len;
  }
  ADD_FAILURE() << "no frame holds " << needle;
  return {0, 0};
}

std::string junk(std::size_t n) {
  std::mt19937 rng(7);
  std::string s(n, '\0');
  for (char& c : s) c = static_cast<char>(rng() & 0xFF);
  // Make sure the junk is not taken for gzip, zip or .sgpb by its first bytes.
  s[0] = 'J';
  return s;
}

// ---- the table ------------------------------------------------------------------------------

enum class Damage {
  kEmpty,
  kMissing,
  kDirectory,
  kBinaryJunk,
  kInvalidUtf8,
  kNulByte,
  kHugeLine,
  kTruncated,
  kFlippedByte,
  kWrongFormat
};

const char* damage_name(Damage d) {
  switch (d) {
    case Damage::kEmpty:
      return "Empty";
    case Damage::kMissing:
      return "Missing";
    case Damage::kDirectory:
      return "Directory";
    case Damage::kBinaryJunk:
      return "BinaryJunk";
    case Damage::kInvalidUtf8:
      return "InvalidUtf8";
    case Damage::kNulByte:
      return "NulByte";
    case Damage::kHugeLine:
      return "HugeLine";
    case Damage::kTruncated:
      return "Truncated";
    case Damage::kFlippedByte:
      return "FlippedByte";
    case Damage::kWrongFormat:
      return "WrongFormat";
  }
  return "?";
}

enum class Kind { kTxt, kMd, kJsonl, kSgpb, kJson, kGraphml, kCsv, kGdelt, kLexicon };

enum class Role {
  kExtract,       // extract FILE
  kIngest,        // ingest FILE -o OUT.sgpb
  kConvert,       // convert FILE OUT
  kIngestTarget,  // ingest ARTICLE -o FILE
  kImportTarget,  // import gdelt GOOD.tsv -o FILE
  kImport,        // import gdelt FILE -o OUT.sgpb
  kImportStrict,  // import gdelt FILE -o OUT.sgpb --strict
  kLexicon,       // extract --lexicon FILE ARTICLE
  kLexiconIngest  // ingest --lexicon FILE ARTICLE -o OUT.sgpb
};

struct Reader {
  const char* name;
  Kind kind;
  Role role;
};

const Reader kReaders[] = {
    {"Txt", Kind::kTxt, Role::kExtract},
    {"TxtIngest", Kind::kTxt, Role::kIngest},
    {"Md", Kind::kMd, Role::kExtract},
    {"Jsonl", Kind::kJsonl, Role::kExtract},
    {"JsonlIngest", Kind::kJsonl, Role::kIngest},
    {"Sgpb", Kind::kSgpb, Role::kConvert},
    {"Json", Kind::kJson, Role::kConvert},
    {"Graphml", Kind::kGraphml, Role::kConvert},
    {"Csv", Kind::kCsv, Role::kConvert},
    {"IngestTarget", Kind::kSgpb, Role::kIngestTarget},
    {"ImportTarget", Kind::kJson, Role::kImportTarget},
    {"Gdelt", Kind::kGdelt, Role::kImport},
    {"GdeltStrict", Kind::kGdelt, Role::kImportStrict},
    {"Lexicon", Kind::kLexicon, Role::kLexicon},
    {"LexiconIngest", Kind::kLexicon, Role::kLexiconIngest},
};

const char* extension(Kind k) {
  switch (k) {
    case Kind::kTxt:
      return ".txt";
    case Kind::kMd:
      return ".md";
    case Kind::kJsonl:
      return ".jsonl";
    case Kind::kSgpb:
      return ".sgpb";
    case Kind::kJson:
      return ".json";
    case Kind::kGraphml:
      return ".graphml";
    case Kind::kCsv:
      return ".csv";
    case Kind::kGdelt:
      return ".tsv";
    case Kind::kLexicon:
      return ".textpb";
  }
  return "";
}

std::string good_text(Kind k) {
  switch (k) {
    case Kind::kTxt:
      return kGoodTxt;
    case Kind::kMd:
      return kGoodMd;
    case Kind::kJsonl:
      return kGoodJsonl;
    case Kind::kSgpb:
      return sgpb_bytes();
    case Kind::kJson:
      return kGoodJson;
    case Kind::kGraphml:
      return kGoodGraphml;
    case Kind::kCsv:
      return kGoodCsv;
    case Kind::kGdelt:
      return gdelt_text(60);
    case Kind::kLexicon:
      return kGoodLexicon;
  }
  return "";
}

bool applies(const Reader& r, Damage d) {
  // The graph an update starts from may be missing: it is then created.
  if (d == Damage::kMissing && (r.role == Role::kIngestTarget || r.role == Role::kImportTarget))
    return false;
  // Row-level damage in a GDELT file is counted without --strict (see the file comment).
  if (r.role == Role::kImport && (d == Damage::kInvalidUtf8 || d == Damage::kNulByte)) return false;
  return true;
}

struct Case {
  Reader reader;
  Damage damage;
};

void PrintTo(const Case& c, std::ostream* os) {
  *os << c.reader.name << " x " << damage_name(c.damage);
}

std::string case_name(const ::testing::TestParamInfo<Case>& info) {
  return std::string(info.param.reader.name) + "_" + damage_name(info.param.damage);
}

std::vector<Case> all_cases() {
  std::vector<Case> out;
  for (const Reader& r : kReaders)
    for (int d = 0; d <= static_cast<int>(Damage::kWrongFormat); ++d)
      if (applies(r, static_cast<Damage>(d))) out.push_back({r, static_cast<Damage>(d)});
  return out;
}

// The damaged input and what the error must say about it.
struct BadFile {
  std::string path;
  bool content = true;                  // a content error: a position is required
  std::optional<std::uint64_t> line;    // the line of the damage, when known...
  std::optional<std::uint64_t> offset;  // ...or its byte offset (either may be reported)
  bool huge = false;
};

class BadInputTest : public test_support::TempDirTest, public ::testing::WithParamInterface<Case> {
 protected:
  // Writes `text` as the bad file and records the damage at byte `at` of it.
  BadFile damaged_at(const std::string& name, const std::string& text, std::size_t at) {
    BadFile b{.path = write(name, text)};
    b.offset = at;
    b.line = 1 + static_cast<std::uint64_t>(std::count(
                     text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
    return b;
  }

  // Writes a file of `prefix`, then `body_bytes` of `unit` repeated, then `suffix`, without
  // holding it in memory.
  std::string write_huge(const std::string& name, const std::string& prefix,
                         const std::string& unit, std::uint64_t body_bytes,
                         const std::string& suffix) {
    std::ofstream out(path(name), std::ios::binary);
    out << prefix;
    std::string block;
    while (block.size() < (1u << 20)) block += unit;
    block.resize(1u << 20);
    for (std::uint64_t done = 0; done < body_bytes; done += block.size()) out << block;
    out << suffix;
    return path(name);
  }

  BadFile make(Kind k, Damage d) {
    const std::string name = std::string("bad") + extension(k);
    const std::string good = good_text(k);
    const bool binary = k == Kind::kSgpb;
    switch (d) {
      case Damage::kEmpty:
        return {.path = write(name, ""), .content = false};
      case Damage::kMissing:
        return {.path = path("no-such-dir/" + name), .content = false};
      case Damage::kDirectory:
        fs::create_directories(path(name));
        return {.path = path(name), .content = false};
      case Damage::kBinaryJunk:
        return {.path = write(name, junk(4096))};
      case Damage::kInvalidUtf8:
      case Damage::kNulByte: {
        const char bad = d == Damage::kNulByte ? '\0' : '\xFF';
        if (k == Kind::kSgpb) {
          std::string s = good;
          const auto [frame, at] = sgpb_frame_with(s, "Qorvex");
          s[at + 2] = bad;
          if (d == Damage::kInvalidUtf8) fix_sgpb_crc(s, frame);
          return {.path = write(name, s), .offset = frame};
        }
        std::string s = good;
        const std::size_t at = s.find(k == Kind::kGdelt ? "QORVEX" : "Qorvex") + 2;
        s[at] = bad;
        return damaged_at(name, s, at);
      }
      case Damage::kHugeLine:
        return huge_line(k, name);
      case Damage::kTruncated: {
        if (k == Kind::kGdelt) {
          const std::string gz = gzip(good);
          return {.path = write(name + ".gz", gz.substr(0, gz.size() * 6 / 10))};
        }
        if (k == Kind::kTxt || k == Kind::kMd) {
          // Cut inside the last character, U+2026 (3 bytes): 2 of them kept.
          return damaged_at(name, good.substr(0, good.size() - 2), good.size() - 4);
        }
        BadFile b{.path = write(name, good.substr(0, good.size() * 6 / 10))};
        return b;
      }
      case Damage::kFlippedByte: {
        if (k == Kind::kGdelt) {
          std::string gz = gzip(good);
          gz[gz.size() / 2] = static_cast<char>(gz[gz.size() / 2] ^ 0x01);
          return {.path = write(name + ".gz", gz)};
        }
        std::string s = good;
        if (binary) {
          s[s.size() / 2] = static_cast<char>(s[s.size() / 2] ^ 0x01);
          return {.path = write(name, s)};
        }
        const std::size_t at = s.find(k == Kind::kGdelt ? "QORVEX" : "Qorvex") + 2;
        s[at] = static_cast<char>(s[at] ^ 0x80);
        return damaged_at(name, s, at);
      }
      case Damage::kWrongFormat:
        return wrong_format(k, name);
    }
    return {};
  }

  BadFile huge_line(Kind k, const std::string& name) {
    BadFile b{.huge = true};
    switch (k) {
      case Kind::kTxt:
      case Kind::kMd:  // over the article size limit
        b.path = write_huge(name, "", "Britain banned Qorvex. ", kHugeLineBytes, "");
        b.content = false;
        break;
      case Kind::kJsonl:
        b.path =
            write_huge(name, "{\"text\": \"", "Britain banned Qorvex. ", kHugeLineBytes, "\"}\n");
        b.line = 1;
        break;
      case Kind::kSgpb: {  // a frame that claims 100 MB
        std::string head(kSgpbMagicBytes, '\0');
        std::memcpy(head.data(), io::kSgpbMagic, sizeof io::kSgpbMagic);
        head += std::string(8, '\0');
        put_u32(head, 8, static_cast<std::uint32_t>(kHugeLineBytes));
        b.path = write_huge(name, head, "Qorvex", kHugeLineBytes, "");
        b.offset = 8;
        break;
      }
      case Kind::kJson:  // one line, cut off inside a 100 MB string
        b.path = write_huge(name, "{\"nodes\": [{\"id\": \"q\", \"name\": \"", "Qorvex ",
                            kHugeLineBytes, "");
        b.line = 1;
        break;
      case Kind::kGraphml:
        b.path = write_huge(name,
                            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><graph>"
                            "<node id=\"",
                            "Qorvex ", kHugeLineBytes, "");
        b.line = 1;
        break;
      case Kind::kCsv:
        b.path = write_huge(name, "source,target\n", "Qorvex ", kHugeLineBytes, ",BT\n");
        b.line = 2;
        break;
      case Kind::kGdelt:
        b.path = write_huge(name, "", "QORVEX ", kHugeLineBytes, "\n");
        b.line = 1;
        break;
      case Kind::kLexicon:  // over the lexicon file size limit
        b.path = write_huge(name, "# ", "Qorvex ", kHugeLineBytes, "\n");
        b.content = false;
        break;
    }
    return b;
  }

  BadFile wrong_format(Kind k, const std::string& name) {
    switch (k) {
      case Kind::kTxt:  // gzip data: 0x8b at byte 1 is not UTF-8
        return {.path = write(name, gzip(kGoodTxt)), .offset = 1};
      case Kind::kMd:  // a .sgpb graph
        return {.path = write(name, sgpb_bytes())};
      case Kind::kJsonl:  // a (pretty-printed) JSON graph: line 1 is "{"
        return {.path = write(name, json_graph_text()), .line = 1};
      case Kind::kSgpb:
        return {.path = write(name, json_graph_text()), .offset = 0};
      case Kind::kJson:
        return {.path = write(name, kGoodGraphml), .line = 1};
      case Kind::kGraphml:
        return {.path = write(name, json_graph_text()), .line = 1};
      case Kind::kCsv:
        return {.path = write(name, kGoodGraphml), .line = 1};
      case Kind::kGdelt:  // a CSV edge list
        return {.path = write(name, kGoodCsv), .line = 1};
      case Kind::kLexicon:
        return {.path = write(name, json_graph_text()), .line = 1};
    }
    return {};
  }

  static constexpr std::size_t kSgpbMagicBytes = sizeof io::kSgpbMagic;
};

// Files in `dir` other than `keep` (temporary files an atomic writer left behind).
std::vector<std::string> stray_files(const fs::path& dir, const std::vector<std::string>& keep) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (std::find(keep.begin(), keep.end(), name) == keep.end()) out.push_back(name);
  }
  return out;
}

TEST_P(BadInputTest, OneLineErrorExitOneNoOutput) {
  const Reader& reader = GetParam().reader;
  const Damage damage = GetParam().damage;
  const fs::path out_dir = dir_ / "out";
  fs::create_directories(out_dir);
  BadFile bad = make(reader.kind, damage);

  // Where the command writes, and the command line.
  std::string out;
  switch (reader.role) {
    case Role::kConvert:
      out = (out_dir / (reader.kind == Kind::kSgpb ? "g.json" : "g.sgpb")).string();
      break;
    case Role::kIngest:
    case Role::kImport:
    case Role::kImportStrict:
    case Role::kLexiconIngest:
      out = (out_dir / "g.sgpb").string();
      break;
    case Role::kIngestTarget:
    case Role::kImportTarget:
      out = bad.path;  // the damaged graph is the output: it must survive as it is
      break;
    case Role::kExtract:
    case Role::kLexicon:
      break;
  }
  auto command = [&] {
    switch (reader.role) {
      case Role::kExtract:
        return "extract " + quote(bad.path);
      case Role::kIngest:
        return "ingest " + quote(bad.path) + " -o " + quote(out);
      case Role::kConvert:
        return "convert " + quote(bad.path) + " " + quote(out);
      case Role::kIngestTarget:
        return "ingest " + quote(kArticle) + " -o " + quote(out);
      case Role::kImportTarget:
        return "import gdelt " + quote(write("good.tsv", gdelt_text(3))) + " -o " + quote(out);
      case Role::kImport:
        return "import gdelt " + quote(bad.path) + " -o " + quote(out);
      case Role::kImportStrict:
        return "import gdelt --strict " + quote(bad.path) + " -o " + quote(out);
      case Role::kLexicon:
        return "extract --lexicon " + quote(bad.path) + " " + quote(kArticle);
      case Role::kLexiconIngest:
        return "ingest --lexicon " + quote(bad.path) + " " + quote(kArticle) + " -o " + quote(out);
    }
    return std::string();
  }();

  auto check = [&](const test_support::RunResult& r, const char* run) {
    SCOPED_TRACE(std::string(run) + ": stakegraph " + command);
    EXPECT_EQ(r.status, 1) << r.err;
    EXPECT_EQ(test_support::count_lines(r.err), 1u) << r.err;
    EXPECT_TRUE(!r.err.empty() && r.err.back() == '\n') << r.err;
    EXPECT_EQ(r.err.rfind("stakegraph: error: ", 0), 0u) << r.err;
    EXPECT_NE(r.err.find(bad.path), std::string::npos) << "the file is not named: " << r.err;
    EXPECT_EQ(r.out, "");
    if (bad.content) {
      static const std::regex position(R"(:[0-9]+(:[0-9]+)?: |byte offset [0-9]+)");
      EXPECT_TRUE(std::regex_search(r.err, position)) << "no line or byte offset: " << r.err;
    }
    if (bad.line || bad.offset) {
      const bool at_line = bad.line && r.err.find(bad.path + ":" + std::to_string(*bad.line) +
                                                  ":") != std::string::npos;
      const bool at_offset =
          bad.offset &&
          r.err.find("byte offset " + std::to_string(*bad.offset)) != std::string::npos;
      EXPECT_TRUE(at_line || at_offset)
          << "expected line " << (bad.line ? std::to_string(*bad.line) : "-") << " or byte offset "
          << (bad.offset ? std::to_string(*bad.offset) : "-") << ": " << r.err;
    }
    if (bad.huge) {
      rusage ru{};
      ::getrusage(RUSAGE_CHILDREN, &ru);
      EXPECT_LT(ru.ru_maxrss, kMaxChildRssKb) << "peak child memory " << ru.ru_maxrss << " KiB";
    }
    std::cout << "[table] " << reader.name << " x " << damage_name(damage) << " -> exit "
              << r.status << ": " << r.err;
  };

  const std::vector<std::string> bad_names = {fs::path(bad.path).filename().string(), "good.tsv",
                                              "out"};
  if (reader.role == Role::kIngestTarget || reader.role == Role::kImportTarget) {
    // The damaged graph is the one being updated: it stays as it was, byte for byte.
    const bool is_dir = fs::is_directory(bad.path);
    const std::string before = is_dir ? "" : test_support::slurp(bad.path);
    check(run_stakegraph(command, "", "", kRunTimeoutSeconds), "update");
    if (is_dir) {
      EXPECT_TRUE(fs::is_directory(bad.path));
      EXPECT_TRUE(fs::is_empty(bad.path));
    } else {
      EXPECT_EQ(test_support::slurp(bad.path), before) << "the damaged graph was changed";
    }
  } else if (!out.empty()) {
    // No output is created...
    check(run_stakegraph(command, "", "", kRunTimeoutSeconds), "no output yet");
    EXPECT_FALSE(fs::exists(out)) << "an output file was written";
    EXPECT_EQ(stray_files(out_dir, {}), std::vector<std::string>{});
    // ...and an existing one is left as it was.
    io::save_sgpb(test_support::story_graph(), out);  // any valid bytes
    const std::string before = test_support::slurp(out);
    check(run_stakegraph(command, "", "", kRunTimeoutSeconds), "existing output");
    EXPECT_EQ(test_support::slurp(out), before) << "the existing output was changed";
    EXPECT_EQ(stray_files(out_dir, {fs::path(out).filename().string()}),
              std::vector<std::string>{});
  } else {
    check(run_stakegraph(command, "", "", kRunTimeoutSeconds), "read only");
  }
  EXPECT_EQ(stray_files(dir_, bad_names), std::vector<std::string>{});
  if (bad.huge) fs::remove(bad.path);
}

INSTANTIATE_TEST_SUITE_P(Table, BadInputTest, ::testing::ValuesIn(all_cases()), case_name);

// ---- GDELT without --strict: a damaged row in a good file is listed, not fatal ---------------

class GdeltLenient : public test_support::TempDirTest {};

TEST_F(GdeltLenient, DamagedRowIsListed) {
  for (const char bad : {'\xFF', '\0'}) {
    std::string text = gdelt_text(5);
    text[text.find("QORVEX") + 2] = bad;
    const std::string f = write("rows.tsv", text);
    const auto r = run_stakegraph("import gdelt " + quote(f) + " -o " + quote(path("g.sgpb")), "",
                                  "", kRunTimeoutSeconds);
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("malformed  1 rows"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(f + ":2: "), std::string::npos) << r.out;
    fs::remove(path("g.sgpb"));
  }
}

}  // namespace
}  // namespace stakegraph
