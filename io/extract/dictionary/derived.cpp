// The derived TSV format: readers and writers (see derived.hpp).
#include "io/extract/dictionary/derived.hpp"

#include <charconv>
#include <cstdio>

#include "graph/error.hpp"
#include "io/error.hpp"
#include "io/extract/dictionary/text.hpp"

namespace stakegraph::io::extract::dictionary {

namespace {

[[noreturn]] void fail(const std::string& file, std::uint64_t line, const std::string& what) {
  throw io::ParseError(file, line, 0, what);
}

// Fields of a data row, or empty for a comment / blank line; checks the field count.
std::vector<std::string_view> row(std::string_view line, std::size_t fields,
                                  const std::string& file, std::uint64_t no) {
  if (line.empty() || line.front() == '#') return {};
  auto f = text::split(line, '\t');
  if (f.size() != fields)
    fail(file, no,
         "expected " + std::to_string(fields) + " tab-separated fields, found " +
             std::to_string(f.size()));
  return f;
}

void expect_type(std::string_view got, std::string_view want, const std::string& file,
                 std::uint64_t no) {
  if (got != want)
    fail(file, no,
         "unexpected row type '" + std::string(got) + "' (expected " + std::string(want) + ")");
}

std::vector<std::string> word_list(std::string_view s) {
  std::vector<std::string> out;
  for (auto w : text::split(s, ' '))
    if (!w.empty()) out.emplace_back(w);
  return out;
}

std::string ids_text(const VerbDictionary& d, const std::vector<std::uint32_t>& ids) {
  std::string s;
  for (auto id : ids) {
    if (!s.empty()) s.push_back(' ');
    s += d.word(id);
  }
  return s;
}

Date date_field(std::string_view s, const std::string& file, std::uint64_t no) {
  if (s.empty()) return 0;
  Date v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || s.size() != 8)
    fail(file, no, "bad date '" + std::string(s) + "' (expected yyyymmdd)");
  return v;
}

// yyyymmdd with leading zeros (year 4 is "00040118"); "" for 0 (an open end).
std::string date_text(Date d) {
  if (d == 0) return {};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%08u", static_cast<unsigned>(d));
  return buf;
}

}  // namespace

// ---- readers --------------------------------------------------------------------------------

namespace derived {

void parse_verbs(VerbBuilder& b, std::string_view content) {
  text::RawLines lines(content);
  std::string_view l;
  std::uint64_t no = 0;
  lines.next(l, no);  // header
  while (lines.next(l, no)) {
    if (l.empty() || l.front() == '#') continue;
    const std::size_t tab = l.find('\t');
    const std::string_view type = l.substr(0, tab);
    auto f = text::split(l, '\t');
    auto need = [&](std::size_t n) {
      if (f.size() != n)
        b.fail(no, "expected " + std::to_string(n) + " tab-separated fields for a " +
                       std::string(type) + " row, found " + std::to_string(f.size()));
    };
    if (type == "synset") {
      need(3);
      b.begin_synset(f[1], no);
      if (f[2].empty()) continue;  // a synset without members
      for (auto m : text::split(f[2], '|')) {
        auto ws = word_list(m);
        if (ws.empty()) b.fail(no, "empty synset member");
        b.add_synset_member(ws, no);
      }
    } else if (type == "block") {
      need(3);
      b.block(f[1], f[2], no);
    } else if (type == "verb") {
      need(7);
      const std::uint32_t blk = b.block(f[1], "---", no);
      auto head = word_list(f[5]);
      if (head.size() != 1) b.fail(no, "a verb row needs one head word");
      if (!f[2].empty() && !VerbBuilder::valid_code(f[2])) b.fail(no, "bad code");
      b.add_form(blk, f[2], f[3], word_list(f[4]), head[0], word_list(f[6]), no);
    } else if (type == "pattern") {
      need(5);
      std::uint64_t src = 0;
      auto [ptr, ec] = std::from_chars(f[4].data(), f[4].data() + f[4].size(), src);
      if (ec != std::errc() || ptr != f[4].data() + f[4].size())
        b.fail(no, "bad source line '" + std::string(f[4]) + "'");
      b.add_pattern(b.block(f[1], "---", no), f[2], f[3], no, src);
    } else if (type == "transform") {
      need(2);
      b.add_transform(f[1]);
    } else {
      b.fail(no, "unknown row type '" + std::string(type) + "'");
    }
  }
}

void parse_actors(ActorDictionary& d, std::string_view content, const std::string& name) {
  text::RawLines lines(content);
  std::string_view l;
  std::uint64_t no = 0;
  lines.next(l, no);
  const std::uint32_t file = d.file_id(name);
  while (lines.next(l, no)) {
    auto f = row(l, 3, name, no);
    if (f.empty()) continue;
    expect_type(f[0], "actor", name, no);
    ActorEntry e;
    e.file = file;
    e.line = no;
    for (auto p : text::split(f[1], '|')) {
      if (p.empty()) fail(name, no, "empty actor phrase");
      e.phrases.emplace_back(p);
    }
    for (auto c : text::split(f[2], ';')) {
      if (c.empty()) continue;
      CodeSpan s;
      const std::size_t at = c.find('@');
      s.code = std::string(c.substr(0, at));
      if (s.code == "---") s.code.clear();
      if (at != std::string_view::npos) {
        const std::string_view range = c.substr(at + 1);
        const std::size_t dash = range.find('-');
        if (dash == std::string_view::npos) fail(name, no, "bad date range (FROM-UNTIL)");
        s.dated = true;
        s.from = date_field(range.substr(0, dash), name, no);
        s.until = date_field(range.substr(dash + 1), name, no);
      }
      e.codes.push_back(std::move(s));
    }
    if (e.codes.empty()) fail(name, no, "actor without a code");
    d.add(std::move(e));
  }
}

void parse_agents(AgentDictionary& d, std::string_view content, const std::string& name) {
  text::RawLines lines(content);
  std::string_view l;
  std::uint64_t no = 0;
  lines.next(l, no);
  while (lines.next(l, no)) {
    auto f = row(l, 3, name, no);
    if (f.empty()) continue;
    expect_type(f[0], "agent", name, no);
    AgentEntry e;
    e.line = no;
    e.phrase = std::string(f[1]);
    if (f[2].size() < 2 || (f[2].front() != '~' && f[2].back() != '~') || e.phrase.empty())
      fail(name, no, "bad agent row (expected agent<TAB>phrase<TAB>~CODE or CODE~)");
    e.prefix = f[2].front() != '~';
    e.code = std::string(e.prefix ? f[2].substr(0, f[2].size() - 1) : f[2].substr(1));
    d.add(std::move(e));
  }
}

void parse_discards(DiscardList& d, std::string_view content, const std::string& name) {
  text::RawLines lines(content);
  std::string_view l;
  std::uint64_t no = 0;
  lines.next(l, no);
  while (lines.next(l, no)) {
    auto f = row(l, 4, name, no);
    if (f.empty()) continue;
    expect_type(f[0], "discard", name, no);
    DiscardEntry e;
    e.line = no;
    e.words = word_list(f[1]);
    if (e.words.empty()) fail(name, no, "empty discard phrase");
    if (f[2] != "sentence" && f[2] != "story") fail(name, no, "expected sentence or story");
    if (f[3] != "stem" && f[3] != "exact") fail(name, no, "expected stem or exact");
    e.story = f[2] == "story";
    e.exact = f[3] == "exact";
    d.add(std::move(e));
  }
}

}  // namespace derived

// ---- writers --------------------------------------------------------------------------------

std::string write_verbs_tsv(const VerbDictionary& d) {
  std::string s = text::derived_header(Kind::kVerbs) + "\n";
  for (const auto& syn : d.synsets()) {
    s += "synset\t" + syn.name + "\t";
    for (std::size_t i = 0; i < syn.members.size(); ++i) {
      if (i) s.push_back('|');
      s += ids_text(d, syn.members[i]);
    }
    s.push_back('\n');
  }
  for (const auto& b : d.blocks()) {
    s += "block\t" + b.name + "\t" + b.code + "\n";
    for (auto vi : b.verbs) {
      const VerbForm& f = d.verb_forms()[vi];
      s += "verb\t" + b.name + "\t" + f.code + "\t" + f.lemma + "\t" + ids_text(d, f.front) + "\t" +
           std::string(d.word(f.head)) + "\t" + ids_text(d, f.back) + "\n";
    }
    for (auto pi : b.patterns) {
      const Pattern& p = d.patterns()[pi];
      s += "pattern\t" + b.name + "\t" + p.code + "\t" + p.text + "\t" + std::to_string(p.line) +
           "\n";
    }
  }
  for (const auto& t : d.transformations()) s += "transform\t" + t + "\n";
  return s;
}

std::string write_actors_tsv(const ActorDictionary& d) {
  std::string s = text::derived_header(Kind::kActors) + "\n";
  for (const auto& e : d.entries()) {
    if (e.codes.empty()) continue;  // never matched (PETRARCH gives such names no code)
    s += "actor\t";
    for (std::size_t i = 0; i < e.phrases.size(); ++i) {
      if (i) s.push_back('|');
      s += e.phrases[i];
    }
    s.push_back('\t');
    for (std::size_t i = 0; i < e.codes.size(); ++i) {
      const CodeSpan& c = e.codes[i];
      if (i) s.push_back(';');
      s += c.code.empty() ? std::string("---") : c.code;
      if (c.dated) s += "@" + date_text(c.from) + "-" + date_text(c.until);
    }
    s.push_back('\n');
  }
  return s;
}

std::string write_agents_tsv(const AgentDictionary& d) {
  std::string s = text::derived_header(Kind::kAgents) + "\n";
  for (const auto& e : d.entries())
    s += "agent\t" + e.phrase + "\t" + (e.prefix ? e.code + "~" : "~" + e.code) + "\n";
  return s;
}

std::string write_discards_tsv(const DiscardList& d) {
  std::string s = text::derived_header(Kind::kDiscards) + "\n";
  for (const auto& e : d.entries())
    s += "discard\t" + text::join(e.words) + "\t" + (e.story ? "story" : "sentence") + "\t" +
         (e.exact ? "exact" : "stem") + "\n";
  return s;
}

}  // namespace stakegraph::io::extract::dictionary
