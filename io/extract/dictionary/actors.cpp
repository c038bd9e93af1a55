// Actors, agents and discards: PETRARCH-format readers and look-ups (see dictionary.hpp).
// Semantics follow PETRARCH 2's reader (PETRreader.py): actor and agent phrases match whole
// words in sequence ('_' and ' ' both join consecutive words); agent plurals are generated
// (Y -> IES, S -> SES, else +S) unless given in {...} ({} = none); !MARK! substitution sets.
#include <algorithm>

#include "graph/error.hpp"
#include "io/error.hpp"
#include "io/extract/dictionary/derived.hpp"
#include "io/extract/dictionary/dictionary.hpp"
#include "io/extract/dictionary/text.hpp"

namespace stakegraph::io::extract::dictionary {

std::string_view kind_name(Kind k) noexcept {
  switch (k) {
    case Kind::kVerbs:
      return "verbs";
    case Kind::kActors:
      return "actors";
    case Kind::kAgents:
      return "agents";
    case Kind::kDiscards:
      return "discards";
  }
  return "?";
}

namespace {

[[noreturn]] void fail(const std::string& file, std::uint64_t line, const std::string& what) {
  throw io::ParseError(file, line, 0, what);
}

std::string upper(std::string_view s) {
  std::string r(s);
  for (char& c : r)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return r;
}

// "[CODE]" / "[CODE <D]" / "[CODE >D]" / "[CODE A-B]" / "[CODE D]" (D: on or after, as
// PETRARCH reads it). Throws for a bad date.
CodeSpan parse_code_span(std::string_view inside, const std::string& file, std::uint64_t line) {
  inside = text::trim(inside);
  const std::size_t sp = inside.find_first_of(" \t");
  CodeSpan c;
  c.code = upper(inside.substr(0, sp));
  for (char ch : c.code)
    if (ch == ';' || ch == '@' || ch == '|' || static_cast<unsigned char>(ch) < 0x21)
      fail(file, line, "bad character in code '" + c.code + "'");
  if (c.code == "---") c.code.clear();
  if (sp == std::string_view::npos) return c;
  std::string d;
  for (char ch : inside.substr(sp))
    if (ch != ' ' && ch != '\t') d.push_back(ch);
  if (d.empty()) return c;
  auto date = [&](std::string_view s) {
    auto v = text::parse_date(s);
    if (!v)
      fail(file, line,
           "bad date '" + std::string(s) + "' in code restriction [" + std::string(inside) +
               "] (expected YYYYMMDD or YYMMDD)");
    return *v;
  };
  c.dated = true;
  if (d[0] == '<') {
    c.until = date(std::string_view(d).substr(1)) - 1;
  } else if (d[0] == '>') {
    c.from = date(std::string_view(d).substr(1));
  } else if (const std::size_t dash = d.find('-'); dash != std::string::npos) {
    c.from = date(std::string_view(d).substr(0, dash));
    c.until = date(std::string_view(d).substr(dash + 1));
    if (c.until < c.from)
      fail(file, line, "date range [" + std::string(inside) + "] ends before it starts");
  } else {
    c.from = date(d);
  }
  return c;
}

// Every "[...]" of `s` as code spans; returns the text before the first '['.
// With `warnings` (lenient reading), a bad restriction is skipped and listed there.
std::string_view take_codes(std::string_view s, std::vector<CodeSpan>& out, const std::string& file,
                            std::uint64_t line, std::vector<Warning>* warnings) {
  const std::size_t first = s.find('[');
  if (first == std::string_view::npos) return s;
  std::string_view rest = s.substr(first);
  for (rest = text::trim(rest); !rest.empty(); rest = text::trim(rest)) {
    if (rest.front() != '[') {
      if (!warnings) fail(file, line, "text after the codes: '" + std::string(rest) + "'");
      warnings->push_back(
          {file, line, "text after the codes ignored: '" + std::string(rest) + "'"});
      break;
    }
    const std::size_t close = rest.find(']');
    if (close == std::string_view::npos) fail(file, line, "'[' without ']'");
    try {
      out.push_back(parse_code_span(rest.substr(1, close - 1), file, line));
    } catch (const io::ParseError& e) {
      if (!warnings) throw;
      warnings->push_back({file, line, text::bare_message(e) + "; restriction skipped"});
    }
    rest = rest.substr(close + 1);
  }
  return s.substr(0, first);
}

}  // namespace

// ---- actors ---------------------------------------------------------------------------------

void ActorDictionary::add(ActorEntry e) {
  const auto idx = static_cast<std::uint32_t>(entries_.size());
  if (!e.codes.empty()) {
    for (const std::string& p : e.phrases) {
      if (!index_.insert(text::words(p), idx)) ++duplicates_;
    }
  }
  entries_.push_back(std::move(e));
}

std::uint32_t ActorDictionary::file_id(const std::string& name) {
  for (std::uint32_t i = 0; i < files_.size(); ++i)
    if (files_[i] == name) return i;
  files_.push_back(name);
  return static_cast<std::uint32_t>(files_.size() - 1);
}

std::string_view ActorDictionary::code_at(std::uint32_t entry, Date date) const {
  const auto& codes = entries_[entry].codes;
  if (date != 0) {
    for (const auto& c : codes)
      if (c.dated && c.applies(date)) return c.code;
    for (const auto& c : codes)
      if (!c.dated) return c.code;
    return {};
  }
  const CodeSpan* best = nullptr;
  for (const auto& c : codes)
    if (c.dated && c.until == 0 && (!best || c.from > best->from)) best = &c;
  if (best) return best->code;
  for (const auto& c : codes)
    if (!c.dated) return c.code;
  for (const auto& c : codes)
    if (!best || c.until > best->until) best = &c;
  return best ? std::string_view(best->code) : std::string_view{};
}

ActorMatch ActorDictionary::longest(Tokens tokens, std::size_t i, Date date) const {
  const auto hit = index_.longest(tokens, i);
  if (hit.length == 0) return {};
  return {hit.length, hit.value, code_at(hit.value, date)};
}

std::size_t ActorDictionary::memory_bytes() const {
  std::size_t b = index_.memory_bytes() + entries_.capacity() * sizeof(ActorEntry);
  for (const auto& e : entries_) {
    b += e.phrases.capacity() * sizeof(std::string) + e.codes.capacity() * sizeof(CodeSpan);
    for (const auto& p : e.phrases) b += p.size() > 15 ? p.capacity() + 1 : 0;
  }
  return b;
}

void parse_actors_into(ActorDictionary& d, std::string_view content, const std::string& name,
                       const ReadOptions& options) {
  if (auto k = text::derived_kind(content)) {
    if (*k != Kind::kActors)
      fail(name, 1, "a derived " + std::string(kind_name(*k)) + " file, not actors");
    derived::parse_actors(d, content, name);
    return;
  }
  std::vector<Warning>* warnings = options.lenient ? &d.warnings_ : nullptr;
  text::Lines lines(content);
  std::string_view l;
  std::uint64_t no = 0;
  ActorEntry cur;
  bool have = false;
  auto flush = [&] {
    if (have) d.add(std::move(cur));
    cur = ActorEntry{};
    have = false;
  };
  auto handle = [&]() {
    // TABARI's ';' comment after a name ("JAMES_BYRNES_ ; CountryInfo.txt").
    if (const std::size_t semi = l.find(';'); semi != std::string_view::npos)
      l = text::trim(l.substr(0, semi));
    if (l.empty()) return;
    if (l.front() == '[') {
      if (!have) fail(name, no, "code restriction before any actor name");
      take_codes(l, cur.codes, name, no, warnings);
      return;
    }
    const bool synonym = l.front() == '+';
    if (synonym && !have) fail(name, no, "synonym '+...' before any actor name");
    if (!synonym) flush();
    std::string_view phrase = take_codes(synonym ? l.substr(1) : l, cur.codes, name, no, warnings);
    if (phrase.find(']') != std::string_view::npos) fail(name, no, "']' without '['");
    std::vector<std::string> ws = text::words(phrase);
    if (ws.empty()) fail(name, no, "actor line without a name");
    if (phrase.find('|') != std::string_view::npos) fail(name, no, "'|' in an actor name");
    if (!have) {
      cur.file = d.file_id(name);
      cur.line = no;
      have = true;
    }
    cur.phrases.push_back(text::join(ws));
  };
  while (lines.next(l, no)) {
    try {
      handle();
    } catch (const io::ParseError& e) {
      if (!warnings) throw;
      warnings->push_back({name, no, text::bare_message(e) + "; line skipped"});
    }
  }
  flush();
}

ActorDictionary parse_actors(std::string_view text, const std::string& name,
                             const ReadOptions& options) {
  ActorDictionary d;
  parse_actors_into(d, text, name, options);
  return d;
}

ActorDictionary read_actors(const std::vector<std::string>& paths, const ReadOptions& options) {
  ActorDictionary d;
  for (const auto& p : paths) parse_actors_into(d, text::read_file(p), p, options);
  return d;
}

// ---- agents ---------------------------------------------------------------------------------

void AgentDictionary::add(AgentEntry e) {
  const auto idx = static_cast<std::uint32_t>(entries_.size());
  if (index_.insert(text::words(e.phrase), idx)) entries_.push_back(std::move(e));
}

AgentMatch AgentDictionary::longest(Tokens tokens, std::size_t i) const {
  const auto hit = index_.longest(tokens, i);
  if (hit.length == 0) return {};
  const AgentEntry& e = entries_[hit.value];
  return {hit.length, e.code, e.prefix};
}

std::size_t AgentDictionary::memory_bytes() const {
  std::size_t b = index_.memory_bytes() + entries_.capacity() * sizeof(AgentEntry);
  for (const auto& e : entries_) b += e.phrase.size() > 15 ? e.phrase.capacity() + 1 : 0;
  return b;
}

namespace {

// One agent line (or substitution set); throws io::ParseError for a malformed one.
void parse_agent_line(AgentDictionary& d,
                      std::unordered_map<std::string, std::vector<std::string>>& marks,
                      std::string_view l, const std::string& name, std::uint64_t no) {
  {
    if (l.find('!') != std::string_view::npos && l.find('=') != std::string_view::npos) {
      // "!PERSON! = MAN, MEN, WOMAN"
      const std::size_t a = l.find('!'), b = l.find('!', a + 1), eq = l.find('=');
      if (b == std::string_view::npos || eq < b)
        fail(name, no, "bad substitution set (expected !MARK! = A, B, ...)");
      auto& list = marks[std::string(l.substr(a + 1, b - a - 1))];
      list.clear();
      for (auto item : text::split(l.substr(eq + 1), ','))
        if (!text::trim(item).empty()) list.emplace_back(text::trim(item));
      return;
    }
    const std::size_t open = l.find('[');
    if (open == std::string_view::npos) {
      fail(name, no, "agent without a [~CODE]");
    }
    const std::size_t close = l.find(']', open);
    if (close == std::string_view::npos) fail(name, no, "'[' without ']'");
    if (!text::trim(l.substr(close + 1)).empty())
      fail(name, no, "text after the code: '" + std::string(text::trim(l.substr(close + 1))) + "'");
    std::string code;
    for (char c : l.substr(open + 1, close - open - 1)) {
      if (c == ' ' || c == '\t') continue;
      if (static_cast<unsigned char>(c) < 0x20) fail(name, no, "control character in the code");
      code.push_back(c);
    }
    AgentEntry base;
    base.line = no;
    if (code.size() > 1 && code.front() == '~') {
      base.code = upper(code.substr(1));
    } else if (code.size() > 1 && code.back() == '~') {
      base.code = upper(code.substr(0, code.size() - 1));
      base.prefix = true;
    } else {
      fail(name, no, "agent code '" + code + "' must start or end with '~'");
    }
    std::string_view phrase = text::trim(l.substr(0, open));
    if (phrase.empty()) fail(name, no, "agent line without a phrase");
    auto store = [&](std::string_view p) {
      AgentEntry e = base;
      e.phrase = text::join(text::words(p));
      if (!e.phrase.empty()) d.add(std::move(e));
    };
    if (const std::size_t bang = phrase.find('!'); bang != std::string_view::npos) {
      const std::size_t bang2 = phrase.find('!', bang + 1);
      if (bang2 == std::string_view::npos)
        fail(name, no, "substitution marker without closing '!'");
      const std::string mark(phrase.substr(bang + 1, bang2 - bang - 1));
      auto it = marks.find(mark);
      if (it == marks.end()) {
        fail(name, no, "substitution marker !" + mark + "! is not defined");
      }
      for (const auto& sub : it->second)
        store(std::string(phrase.substr(0, bang)) + sub + std::string(phrase.substr(bang2 + 1)));
      return;
    }
    std::string singular;
    std::optional<std::string> plural;
    if (const std::size_t lb = phrase.find('{'); lb != std::string_view::npos) {
      const std::size_t rb = phrase.find('}', lb);
      if (rb == std::string_view::npos) fail(name, no, "'{' without '}'");
      singular = std::string(text::trim(phrase.substr(0, lb)));
      plural = std::string(text::trim(phrase.substr(lb + 1, rb - lb - 1)));
    } else {
      singular = std::string(phrase);
      const char last = singular.back();
      if (last == 'Y' || last == 'y') {
        plural = singular.substr(0, singular.size() - 1) + "IES";
      } else if (last == 'S' || last == 's') {
        plural = singular + "ES";
      } else {
        plural = singular + "S";
      }
    }
    if (singular.empty()) fail(name, no, "agent line without a phrase");
    store(singular);
    if (plural && !plural->empty()) store(*plural);
  }
}

}  // namespace

void parse_agents_into(AgentDictionary& d, std::string_view content, const std::string& name,
                       const ReadOptions& options) {
  if (auto k = text::derived_kind(content)) {
    if (*k != Kind::kAgents)
      fail(name, 1, "a derived " + std::string(kind_name(*k)) + " file, not agents");
    derived::parse_agents(d, content, name);
    return;
  }
  std::unordered_map<std::string, std::vector<std::string>> marks;
  text::Lines lines(content);
  std::string_view l;
  std::uint64_t no = 0;
  while (lines.next(l, no)) {
    try {
      parse_agent_line(d, marks, l, name, no);
    } catch (const io::ParseError& e) {
      if (!options.lenient) throw;
      d.warnings_.push_back({name, no, text::bare_message(e) + "; line skipped"});
    }
  }
}

AgentDictionary parse_agents(std::string_view text, const std::string& name,
                             const ReadOptions& options) {
  AgentDictionary d;
  parse_agents_into(d, text, name, options);
  return d;
}

AgentDictionary read_agents(const std::vector<std::string>& paths, const ReadOptions& options) {
  AgentDictionary d;
  for (const auto& p : paths) parse_agents_into(d, text::read_file(p), p, options);
  return d;
}

// ---- discards -------------------------------------------------------------------------------

void DiscardList::add(DiscardEntry e) {
  if (e.words.empty()) return;
  const auto idx = static_cast<std::uint32_t>(entries_.size());
  if (e.words.size() == 1 && !e.exact) {
    stems_[e.words[0]].push_back(idx);
    max_stem_ = std::max(max_stem_, e.words[0].size());
  } else {
    by_first_[e.words[0]].push_back(idx);
  }
  entries_.push_back(std::move(e));
}

namespace {
bool discard_matches(const DiscardEntry& e, Tokens tokens, std::size_t i) {
  if (i + e.words.size() > tokens.size()) return false;
  for (std::size_t k = 0; k < e.words.size(); ++k) {
    const std::string_view t = tokens[i + k];
    const std::string& w = e.words[k];
    const bool last = k + 1 == e.words.size();
    if (last && !e.exact) {
      if (t.substr(0, w.size()) != w) return false;
    } else if (t != w) {
      return false;
    }
  }
  return true;
}
}  // namespace

DiscardMatch DiscardList::at(Tokens tokens, std::size_t i) const {
  DiscardMatch best;
  if (i >= tokens.size()) return best;
  const std::string_view t = tokens[i];
  auto consider = [&](const std::vector<std::uint32_t>& ids) {
    for (std::uint32_t id : ids) {
      const DiscardEntry& e = entries_[id];
      if (e.words.size() > best.length && discard_matches(e, tokens, i))
        best = {e.words.size(), i, e.story};
    }
  };
  if (auto it = by_first_.find(t); it != by_first_.end()) consider(it->second);
  for (std::size_t len = std::min(max_stem_, t.size()); len > 0 && best.length == 0; --len)
    if (auto it = stems_.find(t.substr(0, len)); it != stems_.end()) consider(it->second);
  return best;
}

DiscardMatch DiscardList::find(Tokens tokens) const {
  for (std::size_t i = 0; i < tokens.size(); ++i)
    if (auto m = at(tokens, i)) return m;
  return {};
}

std::size_t DiscardList::memory_bytes() const {
  std::size_t b = entries_.capacity() * sizeof(DiscardEntry);
  for (const auto& e : entries_) b += e.words.capacity() * sizeof(std::string);
  b += (by_first_.size() + stems_.size()) * (sizeof(std::string) + 24 + 2 * sizeof(void*) + 4);
  return b;
}

DiscardList parse_discards(std::string_view content, const std::string& name, const ReadOptions&) {
  DiscardList d;
  if (auto k = text::derived_kind(content)) {
    if (*k != Kind::kDiscards)
      fail(name, 1, "a derived " + std::string(kind_name(*k)) + " file, not discards");
    derived::parse_discards(d, content, name);
    return d;
  }
  text::Lines lines(content);
  std::string_view l;
  std::uint64_t no = 0;
  while (lines.next(l, no)) {
    DiscardEntry e;
    e.line = no;
    if (l.front() == '+') {
      e.story = true;
      l = text::trim(l.substr(1));
    }
    if (l.find_first_of("[]{}") != std::string_view::npos)
      fail(name, no, "a discard is a plain phrase (no [ ] { }): '" + std::string(l) + "'");
    e.exact = !l.empty() && l.back() == '_';
    e.words = text::words(l);
    if (e.words.empty()) fail(name, no, "discard line without a phrase");
    d.add(std::move(e));
  }
  return d;
}

DiscardList read_discards(const std::vector<std::string>& paths, const ReadOptions& options) {
  DiscardList all;
  for (const auto& p : paths) {
    DiscardList one = parse_discards(text::read_file(p), p, options);
    for (const auto& e : one.entries()) all.add(e);
  }
  return all;
}

}  // namespace stakegraph::io::extract::dictionary
