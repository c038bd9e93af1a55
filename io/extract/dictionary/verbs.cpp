// The verb dictionary reader (PETRARCH / TABARI format) and its builder. Semantics follow
// PETRARCH 2's read_verb_dictionary (PETRreader.py):
//  - "&NAME" starts a synset, "+member" lines follow ("_" joins words; plurals are generated
//    unless the member or the synset name ends with '_': Y -> IES, S -> SES, else +S);
//  - "--- NAME [code] ---" starts a verb block; blocks with one name share their patterns;
//  - a verb line "VERB {FORMS} [code]": without {...} the regular forms are generated as
//    PETRARCH does (-S: S/X/Z -> ES, Y -> IES; -ED: E -> D; -ING: consonant+E drops the E),
//    plus "-YS" after a vowel and "-IED" after a consonant, which PETRARCH's rules miss;
//    "+CARRY_OUT" / "WIRE_+TAP": '+' marks the head word, '_' joins the words before and
//    after it; generated forms keep those words;
//  - "- pre * post [code] # comment": a pattern; "~ ..." a transformation (kept, unused).
#include <algorithm>

#include "graph/error.hpp"
#include "io/error.hpp"
#include "io/extract/dictionary/derived.hpp"
#include "io/extract/dictionary/text.hpp"
#include "io/extract/dictionary/verb_builder.hpp"

namespace stakegraph::io::extract::dictionary {

namespace {

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

std::string plural_noun(const std::string& w) {
  if (w.empty()) return w;
  if (w.back() == 'y') return w.substr(0, w.size() - 1) + "ies";
  if (w.back() == 's') return w + "es";
  return w + "s";
}

// PETRARCH's regular forms of a (lowercase) verb stem, with the two corrections.
std::vector<std::string> regular_forms(const std::string& s) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  const char last = s.back();
  const char before = s.size() > 1 ? s[s.size() - 2] : 'a';
  if (last == 's' || last == 'x' || last == 'z') {
    out.push_back(s + "es");
  } else if (last == 'y') {
    out.push_back(s.substr(0, s.size() - 1) + "ies");
    if (is_vowel(before)) out.push_back(s + "s");
  } else {
    out.push_back(s + "s");
  }
  out.push_back(last == 'e' ? s + "d" : s + "ed");
  if (last == 'y' && !is_vowel(before)) out.push_back(s.substr(0, s.size() - 1) + "ied");
  if (last == 'e' && !is_vowel(before)) {
    out.push_back(s.substr(0, s.size() - 1) + "ing");
  } else {
    out.push_back(s + "ing");
  }
  return out;
}

}  // namespace

// ---- builder --------------------------------------------------------------------------------

void VerbBuilder::fail(std::uint64_t line, const std::string& what) const {
  throw io::ParseError(file_, line, 0, what);
}

bool VerbBuilder::valid_code(std::string_view code) noexcept {
  // CAMEO codes ("112", "042:043", ":173", "---") and TABARI's special codes ("+++", "###").
  if (code.empty() || code == ":") return false;
  int colons = 0;
  for (char c : code) {
    if (c == ':') ++colons;
    if (c == ' ' || c == '\t' || c == '[' || c == ']' || c == '{' || c == '}' || c == '(' ||
        c == ')' || c == '|' || c == ';' || static_cast<unsigned char>(c) < 0x20)
      return false;
  }
  return colons <= 1;
}

void VerbBuilder::begin_synset(std::string_view name, std::uint64_t line) {
  if (name.size() < 2 || name[0] != '&') fail(line, "bad synset name '" + std::string(name) + "'");
  for (const auto& s : d_.synsets_)
    if (s.name == name) fail(line, "synset " + std::string(name) + " is defined twice");
  synset_ = static_cast<std::uint32_t>(d_.synsets_.size());
  d_.synsets_.push_back(Synset{std::string(name), {}, {}});
}

void VerbBuilder::add_synset_member(const std::vector<std::string>& words, std::uint64_t line) {
  if (synset_ == kNoId) fail(line, "synset member '+...' outside a synset");
  if (words.size() == 1 && words[0].size() > 1 && words[0][0] == '&') {
    std::string ref = "&" + std::string(words[0]).substr(1);
    for (char& c : ref) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    for (std::uint32_t s = 0; s < synset_; ++s)
      if (d_.synsets_[s].name == ref || d_.synsets_[s].name == ref + "_") {
        const auto copy = d_.synsets_[s].members;
        for (const auto& m : copy) d_.synsets_[synset_].members.push_back(m);
        return;
      }
    if (options_.lenient) {
      d_.warnings_.push_back({file_, line, "synset " + ref + " is not defined"});
      return;
    }
    fail(line, "synset " + ref + " is not defined before its use");
  }
  std::vector<std::uint32_t> ids;
  for (const auto& w : words) ids.push_back(d_.words_.intern(w));
  d_.synsets_[synset_].members.push_back(std::move(ids));
}

std::uint32_t VerbBuilder::block(std::string_view name, std::string_view code, std::uint64_t line) {
  if (name.empty()) fail(line, "verb block without a name");
  if (!valid_code(code)) fail(line, "bad code [" + std::string(code) + "]");
  if (auto it = d_.block_by_name_.find(name); it != d_.block_by_name_.end()) return it->second;
  const auto id = static_cast<std::uint32_t>(d_.blocks_.size());
  d_.blocks_.push_back(VerbBlock{std::string(name), std::string(code), {}, {}});
  d_.block_by_name_.emplace(std::string(name), id);
  return id;
}

void VerbBuilder::add_form(std::uint32_t block, std::string_view code, std::string_view lemma,
                           const std::vector<std::string>& front, const std::string& head,
                           const std::vector<std::string>& back, std::uint64_t line) {
  VerbForm f;
  for (const auto& w : front) f.front.push_back(d_.words_.intern(w));
  for (const auto& w : back) f.back.push_back(d_.words_.intern(w));
  f.head = d_.words_.intern(head);
  f.block = block;
  f.code = std::string(code);
  f.lemma = std::string(lemma);
  f.line = line;
  const auto idx = static_cast<std::uint32_t>(d_.forms_.size());
  d_.forms_by_head_[f.head].push_back(idx);
  d_.blocks_[block].verbs.push_back(idx);
  d_.forms_.push_back(std::move(f));
}

void VerbBuilder::add_pattern(std::uint32_t block, std::string_view code, std::string_view text,
                              std::uint64_t line, std::uint64_t source_line) {
  if (!valid_code(code)) fail(line, "bad pattern code [" + std::string(code) + "]");
  Pattern p;
  p.block = block;
  p.code = std::string(code);
  p.line = source_line ? source_line : line;
  // PETRARCH splits a pattern at the '*' character: "*SCEPTICAL", "IN_*", "SPY_*_DEAL".
  const std::size_t star = text.find('*');
  if (star == std::string_view::npos) fail(line, "pattern without '*' (the verb's place)");
  if (text.find('*', star + 1) != std::string_view::npos)
    fail(line, "pattern with more than one '*'");
  int braces = 0, parens = 0;
  auto side = [&](std::string_view t, std::vector<PatternElement>& out) {
    std::size_t i = 0;
    while (i < t.size()) {
      while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) ++i;
      std::size_t j = i;
      while (j < t.size() && t[j] != ' ' && t[j] != '\t') ++j;
      if (j == i) break;
      std::string_view tok = t.substr(i, j - i);
      i = j;
      while (!tok.empty() && (tok.front() == '{' || tok.front() == '(')) {
        if (tok.front() == '{') {
          if (++braces > 1) fail(line, "nested '{' in pattern");
        } else if (++parens > 1) {
          fail(line, "nested '(' in pattern");
        }
        tok.remove_prefix(1);
      }
      int close_b = 0, close_p = 0;
      while (!tok.empty() && (tok.back() == '}' || tok.back() == ')')) {
        (tok.back() == '}' ? close_b : close_p)++;
        tok.remove_suffix(1);
      }
      // Parts joined by '_' are consecutive words; a part followed by '_' is a whole word.
      const auto parts = text::split(tok, '_');
      for (std::size_t k = 0; k < parts.size(); ++k) {
        const std::string_view part = parts[k];
        if (part.empty()) continue;
        const bool exact = k + 1 < parts.size();
        PatternElement e;
        if (part == "$" || part == "+" || part == "%" || part == "^") {
          e.type = part == "$"   ? PatternElement::Type::kSource
                   : part == "+" ? PatternElement::Type::kTarget
                   : part == "%" ? PatternElement::Type::kCompound
                                 : PatternElement::Type::kSkip;
          out.push_back(e);
          continue;
        }
        if (part.find_first_of("[]{}()*$%^") != std::string_view::npos ||
            part.find('&', 1) != std::string_view::npos)
          fail(line, "bad pattern word '" + std::string(tok) + "'");
        if (part.front() == '&') {
          std::string name = "&" + text::lower(part.substr(1));
          for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
          std::uint32_t found = kNoId;
          for (std::uint32_t s = 0; s < d_.synsets_.size(); ++s)
            if (d_.synsets_[s].name == name || d_.synsets_[s].name == name + "_") found = s;
          if (found == kNoId) fail(line, "synset " + name + " is not defined before its use");
          e.type = PatternElement::Type::kSynset;
          e.id = found;
        } else {
          e.type = PatternElement::Type::kWord;
          e.exact = exact;
          e.id = d_.words_.intern(text::lower(part));
        }
        out.push_back(e);
        ++p.specificity;
      }
      braces -= close_b;
      parens -= close_p;
      if (braces < 0) fail(line, "'}' without '{' in pattern");
      if (parens < 0) fail(line, "')' without '(' in pattern");
    }
  };
  side(text.substr(0, star), p.pre);
  if (braces || parens) fail(line, "'*' inside a phrase");
  side(text.substr(star + 1), p.post);
  if (braces) fail(line, "'{' without '}' in pattern");
  if (parens) fail(line, "'(' without ')' in pattern");
  // The pattern as written, blanks collapsed.
  for (auto w : text::split(text, ' ')) {
    for (auto w2 : text::split(w, '\t')) {
      if (w2.empty()) continue;
      if (!p.text.empty()) p.text.push_back(' ');
      p.text.append(w2);
    }
  }
  const auto idx = static_cast<std::uint32_t>(d_.patterns_.size());
  d_.blocks_[block].patterns.push_back(idx);
  d_.patterns_.push_back(std::move(p));
}

void VerbBuilder::finish() {
  for (auto& s : d_.synsets_) {
    s.first_ids.clear();
    for (const auto& m : s.members)
      if (!m.empty()) s.first_ids.push_back(m[0]);
    std::sort(s.first_ids.begin(), s.first_ids.end());
    s.first_ids.erase(std::unique(s.first_ids.begin(), s.first_ids.end()), s.first_ids.end());
  }
  // Stems: every inflection of a stem word of a pattern points back to it.
  std::vector<std::uint32_t> stems;
  for (const auto& p : d_.patterns_)
    for (const auto* side : {&p.pre, &p.post})
      for (const auto& e : *side)
        if (e.type == PatternElement::Type::kWord && !e.exact) stems.push_back(e.id);
  std::sort(stems.begin(), stems.end());
  stems.erase(std::unique(stems.begin(), stems.end()), stems.end());
  d_.stem_of_.assign(d_.words_.size(), kNoId);
  for (std::uint32_t id : stems) {
    const std::string w(d_.words_.word(id));
    std::vector<std::string> forms = regular_forms(w);
    forms.push_back(w + "'s");
    forms.push_back(w + "es");
    if (w.size() > 2 && !is_vowel(w.back()) && is_vowel(w[w.size() - 2]) &&
        !is_vowel(w[w.size() - 3])) {
      forms.push_back(w + w.back() + "ed");
      forms.push_back(w + w.back() + "ing");
    }
    for (const auto& f : forms) {
      const std::uint32_t fid = d_.words_.intern(f);
      if (fid >= d_.stem_of_.size()) d_.stem_of_.resize(fid + 1, kNoId);
      if (d_.stem_of_[fid] == kNoId) d_.stem_of_[fid] = id;
    }
  }
  d_.stem_of_.resize(d_.words_.size(), kNoId);
}

// ---- PETRARCH format ------------------------------------------------------------------------

namespace {

// Splits a verb form "WIRE_+TAP" / "+CARRY_OUT" / "ACCUSE" into front, head, back words.
// Returns false when the form has '_' but no '+'.
bool split_form(std::string_view form, std::vector<std::string>& front, std::string& head,
                std::vector<std::string>& back) {
  front.clear();
  back.clear();
  const std::size_t plus = form.find('+');
  if (plus == std::string_view::npos) {
    auto ws = text::words(form);
    if (ws.empty()) return false;
    head = ws[0];
    back.assign(ws.begin() + 1, ws.end());
    return ws.size() == 1;
  }
  front = text::words(form.substr(0, plus));
  auto rest = text::words(form.substr(plus + 1));
  if (rest.empty()) return false;
  head = rest[0];
  back.assign(rest.begin() + 1, rest.end());
  return true;
}

void parse_petrarch_verbs(VerbBuilder& b, std::string_view content, bool lenient) {
  text::Lines lines(content);
  bool in_synset = false;
  std::uint32_t block = kNoId;
  bool synset_plurals = true;
  auto handle = [&](std::string_view l, std::uint64_t no) {
    if (l.substr(0, 3) == "---") {
      in_synset = false;
      // "---  NAME   [code]  ---"
      std::string_view rest = text::trim(l.substr(3));
      if (rest.size() >= 3 && rest.substr(rest.size() - 3) == "---")
        rest = text::trim(rest.substr(0, rest.size() - 3));
      const std::size_t open = rest.find('[');
      const std::size_t close = rest.find(']');
      if (open == std::string_view::npos || close == std::string_view::npos || close < open)
        b.fail(no, "verb block header without [code] (expected --- NAME [code] ---)");
      // The name's words joined by single blanks ("LASH OUT"): it is a TSV field.
      std::string name;
      for (char c : text::trim(rest.substr(0, open))) {
        const bool blank = c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
        if (!blank) {
          name.push_back(c);
        } else if (!name.empty() && name.back() != ' ') {
          name.push_back(' ');
        }
      }
      if (name.empty()) b.fail(no, "verb block header without a NAME (--- NAME [code] ---)");
      // After the code PETRARCH ignores the rest: accept dashes and further [codes] only.
      std::string_view after = rest.substr(close + 1);
      for (std::size_t k = 0; k < after.size(); ++k) {
        const char c = after[k];
        if (c == '[') {
          const std::size_t e = after.find(']', k);
          if (e == std::string_view::npos) b.fail(no, "'[' without ']'");
          k = e;
        } else if (c != '-' && c != ' ' && c != '\t') {
          b.fail(no, "text after the block code: '" + std::string(text::trim(after)) + "'");
        }
      }
      block = b.block(name, text::trim(rest.substr(open + 1, close - open - 1)), no);
      return;
    }
    if (l.front() == '&') {
      const std::string_view name = text::trim(l);
      if (name.find_first_of(" \t") != std::string_view::npos)
        b.fail(no, "a synset line holds only its name &NAME");
      b.begin_synset(name, no);
      synset_plurals = name.back() != '_';
      in_synset = true;
      block = kNoId;
      return;
    }
    if (l.front() == '~') {
      if (l.find('=') == std::string_view::npos)
        b.fail(no, "transformation without '=' (expected ~ a (b c VERB) VERB = a b code)");
      std::string t(text::trim(l.substr(1)));
      for (char& c : t)
        if (c == '\t') c = ' ';
      b.add_transform(t);
      return;
    }
    if (l.front() == '+' && in_synset) {
      std::string_view m = text::trim(l.substr(1));
      if (m.find_first_of("[]{}()$%^*|") != std::string_view::npos)
        b.fail(no, "a synset member holds only words: '" + std::string(m) + "'");
      auto ws = text::words(m);
      if (ws.empty()) b.fail(no, "empty synset member");
      b.add_synset_member(ws, no);
      if (synset_plurals && m.back() != '_' && ws.back()[0] != '&') {
        ws.back() = plural_noun(ws.back());
        b.add_synset_member(ws, no);
      }
      return;
    }
    in_synset = false;
    if (block == kNoId) b.fail(no, "verb or pattern outside a verb block (--- NAME [code] ---)");
    if (l.front() == '-') {
      // "- pre * post [code]"
      std::string_view body = text::trim(l.substr(1));
      const std::size_t open = body.rfind('[');
      const std::size_t close = body.rfind(']');
      if (open == std::string_view::npos || close == std::string_view::npos || close < open ||
          !text::trim(body.substr(close + 1)).empty())
        b.fail(no, "pattern without a final [code]");
      b.add_pattern(block, text::trim(body.substr(open + 1, close - open - 1)),
                    text::trim(body.substr(0, open)), no);
      return;
    }
    // A verb line: "VERB {FORMS} [code]" (';' starts a TABARI comment).
    std::string_view body = text::trim(l.substr(0, l.find(';')));
    std::string code;
    if (const std::size_t open = body.find('['); open != std::string_view::npos) {
      const std::size_t close = body.find(']', open);
      if (close == std::string_view::npos) b.fail(no, "'[' without ']'");
      if (!text::trim(body.substr(close + 1)).empty()) b.fail(no, "text after the verb's code");
      code = std::string(text::trim(body.substr(open + 1, close - open - 1)));
      if (!VerbBuilder::valid_code(code)) b.fail(no, "bad code [" + code + "]");
      body = text::trim(body.substr(0, open));
    }
    std::vector<std::string_view> forms;
    bool braces = false;
    std::string_view lemma_part = body;
    if (const std::size_t lb = body.find('{'); lb != std::string_view::npos) {
      const std::size_t rb = body.find('}', lb);
      if (rb == std::string_view::npos) b.fail(no, "'{' without '}'");
      if (!text::trim(body.substr(rb + 1)).empty()) b.fail(no, "text after '}'");
      braces = true;
      lemma_part = text::trim(body.substr(0, lb));
      std::string_view inner = body.substr(lb + 1, rb - lb - 1);
      for (std::size_t i = 0; i < inner.size();) {  // forms separated by blanks
        auto blank = [](char c) {
          return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
        };
        while (i < inner.size() && blank(inner[i])) ++i;
        std::size_t j = i;
        while (j < inner.size() && !blank(inner[j])) ++j;
        if (j > i) forms.push_back(inner.substr(i, j - i));
        i = j;
      }
    }
    if (lemma_part.empty()) b.fail(no, "verb line without a verb");
    // "LASH OUT" (blank instead of '_'): read as the multi-word verb +LASH_OUT. (PETRARCH
    // would make each word a verb of the block, "OUT" included.)
    std::string joined;
    if (lemma_part.find_first_of(" \t") != std::string_view::npos) {
      if (lemma_part.find('+') != std::string_view::npos)
        b.fail(no, "a verb line holds one verb, then {forms} and [code]: '" + std::string(l) + "'");
      for (auto w : text::words(lemma_part))
        joined += (joined.empty() ? "+" : "_") + text::lower(w);
      for (char& c : joined) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      lemma_part = joined;
    }
    if (lemma_part.find_first_of("{}()$%^*&") != std::string_view::npos)
      b.fail(no, "bad verb '" + std::string(lemma_part) + "'");
    std::vector<std::string> front, back, f2, b2;
    std::string head, h2;
    if (!split_form(lemma_part, front, head, back))
      b.fail(no, "multi-word verb '" + std::string(lemma_part) +
                     "' needs '+' before its verb word (+CARRY_OUT, WIRE_+TAP)");
    b.add_form(block, code, lemma_part, front, head, back, no);
    if (!braces) {
      for (const auto& f : regular_forms(head))
        b.add_form(block, code, lemma_part, front, f, back, no);
      return;
    }
    for (auto f : forms) {
      if (f.find('_') == std::string_view::npos && f.find('+') == std::string_view::npos) {
        // A one-word form keeps the lemma's words before and after (PETRARCH does).
        b.add_form(block, code, lemma_part, front, text::lower(f), back, no);
        continue;
      }
      if (!split_form(f, f2, h2, b2))
        b.fail(no, "multi-word form '" + std::string(f) + "' needs '+' before its verb word");
      b.add_form(block, code, lemma_part, f2, h2, b2, no);
    }
  };
  std::string_view line_text;
  std::uint64_t line_no = 0;
  while (lines.next(line_text, line_no)) {
    try {
      handle(line_text, line_no);
    } catch (const io::ParseError& e) {
      if (!lenient) throw;
      b.warn(line_no, text::bare_message(e) + "; line skipped");
    }
  }
}

}  // namespace

VerbDictionary parse_verbs(std::string_view content, const std::string& name,
                           const ReadOptions& options) {
  VerbDictionary d;
  VerbBuilder b(d, name, options);
  if (auto k = text::derived_kind(content)) {
    if (*k != Kind::kVerbs)
      b.fail(1, "a derived " + std::string(kind_name(*k)) + " file, not verbs");
    derived::parse_verbs(b, content);
  } else {
    parse_petrarch_verbs(b, content, options.lenient);
  }
  b.finish();
  return d;
}

VerbDictionary read_verbs(const std::string& path, const ReadOptions& options) {
  return parse_verbs(text::read_file(path), path, options);
}

std::optional<std::uint32_t> VerbDictionary::find_block(std::string_view name) const {
  auto it = block_by_name_.find(name);
  if (it == block_by_name_.end()) return std::nullopt;
  return it->second;
}

std::size_t VerbDictionary::memory_bytes() const {
  std::size_t b = words_.memory_bytes() + stem_of_.capacity() * 4;
  b += blocks_.capacity() * sizeof(VerbBlock);
  for (const auto& bl : blocks_) b += (bl.patterns.capacity() + bl.verbs.capacity()) * 4;
  b += patterns_.capacity() * sizeof(Pattern);
  for (const auto& p : patterns_)
    b += (p.pre.capacity() + p.post.capacity()) * sizeof(PatternElement) +
         (p.text.size() > 15 ? p.text.capacity() + 1 : 0);
  b += forms_.capacity() * sizeof(VerbForm);
  for (const auto& f : forms_)
    b += (f.front.capacity() + f.back.capacity()) * 4 +
         (f.lemma.size() > 15 ? f.lemma.capacity() + 1 : 0);
  for (const auto& s : synsets_) {
    b += sizeof(Synset) + s.first_ids.capacity() * 4;
    for (const auto& m : s.members) b += sizeof(m) + m.capacity() * 4;
  }
  b += forms_by_head_.size() * (4 + sizeof(std::vector<std::uint32_t>) + 2 * sizeof(void*)) +
       forms_by_head_.bucket_count() * sizeof(void*);
  for (const auto& [k, v] : forms_by_head_) b += v.capacity() * 4;
  return b;
}

}  // namespace stakegraph::io::extract::dictionary
