#include "io/lexicon.hpp"

#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/stubs/logging.h>
#include <google/protobuf/text_format.h>

#include <algorithm>
#include <bit>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "graph/error.hpp"
#include "graph/graph.hpp"
#include "io/data_dir.hpp"
#include "io/error.hpp"
#include "io/extract_text.hpp"
#include "io/input.hpp"
#include "io/text_proto.hpp"
#include "proto/lexicon.pb.h"

namespace stakegraph::io {
namespace {

namespace fs = std::filesystem;

class Collector final : public google::protobuf::io::ErrorCollector {
 public:
  void AddError(int line, google::protobuf::io::ColumnNumber column,
                const std::string& message) override {
    if (!has_error) {
      has_error = true;
      line_ = line + 1;
      column_ = column + 1;
      message_ = message;
    }
  }
  void AddWarning(int, google::protobuf::io::ColumnNumber, const std::string&) override {}
  bool has_error = false;
  int line_ = 0, column_ = 0;
  std::string message_;
};

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  return out;
}

}  // namespace

std::string Lexicon::fold_key(std::string_view surface) {
  thread_local std::vector<Token> toks;  // reused: no allocation per call
  thread_local std::vector<char> folded;
  tokenize(surface, toks, folded);
  std::string key;
  key.reserve(surface.size());
  std::size_t k = 0;
  if (toks.size() > 1 && toks[0].folded == "the") k = 1;
  for (; k < toks.size(); ++k) {
    if (!key.empty()) key.push_back(' ');
    key += toks[k].folded;
  }
  return key;
}

std::string default_lexicon_dir() {
  const std::string dir = find_data_dir("lexicon");  // io/data_dir.hpp
  return dir.empty() ? "share/stakegraph/lexicon" : dir;
}

Lexicon Lexicon::load(const LexiconOptions& options) {
  Lexicon lex;
  if (!options.iso_codes_path.empty()) lex.add_iso_codes(options.iso_codes_path);
  if (options.builtin) {
    std::string dir = options.data_dir.empty() ? default_lexicon_dir() : options.data_dir;
    if (!fs::is_directory(dir))
      throw graph::NotFound(dir + ": lexicon directory not found (set STAKEGRAPH_DATA)");
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().extension() == ".textpb") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) lex.add_file(f);
  }
  for (const auto& f : options.extra_files) lex.add_file(f);
  return lex;
}

void Lexicon::add_iso_codes(const std::string& path) {
  for (const IsoCountry& c : read_iso_codes(path)) {
    LexiconEntry e;
    e.name = c.name;
    e.kind = graph::Kind::kGovernment;
    e.iso2 = c.alpha2;
    e.iso3 = c.alpha3;
    // "Bolivia, Plurinational State of" is a sorting form, not a surface form.
    if (c.iso_name != e.name && c.iso_name.find(',') == std::string::npos)
      e.aliases.push_back(c.iso_name);
    if (!c.official_name.empty() && c.official_name != e.name) e.aliases.push_back(c.official_name);
    add_entry(e);
  }
}

void Lexicon::add_file(const std::string& path) {
  check_input_file(path);
  add_text(read_file(path, kMaxLexiconFileBytes), path);
}

void Lexicon::add_text(const std::string& text, const std::string& name) {
  if (auto bad = find_invalid_utf8(text))
    throw io::ParseError::at_offset(name, *bad, "invalid UTF-8");
  pb::Lexicon msg;
  google::protobuf::TextFormat::Parser parser;
  Collector errors;
  parser.RecordErrorsTo(&errors);
  google::protobuf::TextFormat::ParseInfoTree locations;
  parser.WriteLocationsTo(&locations);
  bool parsed = false;
  {
    // An escaped byte that is not UTF-8 ("Soci\351t\351") makes libprotobuf log: the
    // check below reports it instead (library code never prints).
    google::protobuf::LogSilencer quiet;
    parsed = parser.ParseFromString(text, &msg);
  }
  if (!parsed || errors.has_error)
    throw io::ParseError(
        name, static_cast<std::uint64_t>(errors.line_), static_cast<std::uint64_t>(errors.column_),
        errors.message_.empty() ? "invalid lexicon" : excerpt_for_message(errors.message_, 200));
  if (const auto bad = find_invalid_utf8_field(msg, locations))
    throw io::ParseError(name, bad->line, bad->column,
                         bad->field + ": invalid UTF-8 in \"" + bad->excerpt + "\"");
  if (msg.entry_size() == 0 && msg.verb_size() == 0)
    throw io::ParseError(name, 0, 0, "empty lexicon: no entry and no verb");
  // Errors in an entry or verb name the line and column where it starts.
  auto fail_at = [&](const char* field, int i, const std::string& what) {
    const auto loc = locations.GetLocation(pb::Lexicon::descriptor()->FindFieldByName(field), i);
    throw io::ParseError(name, static_cast<std::uint64_t>(loc.line + 1),
                         static_cast<std::uint64_t>(loc.column + 1), what);
  };
  for (int i = 0; i < msg.entry_size(); ++i) {
    const auto& m = msg.entry(i);
    LexiconEntry e;
    e.name = m.name();
    if (!m.kind().empty()) {
      auto k = graph::parse_kind(m.kind());
      if (!k)
        fail_at("entry", i,
                "entry \"" + excerpt_for_message(m.name()) + "\": unknown kind \"" +
                    excerpt_for_message(m.kind()) + "\"");
      e.kind = *k;
    } else {
      e.kind = graph::Kind::kUnspecified;
    }
    for (const auto& a : m.alias()) e.aliases.push_back(a);
    e.part_of = m.part_of();
    e.iso2 = m.iso2();
    e.iso3 = m.iso3();
    for (const auto& d : m.demonym()) e.demonyms.push_back(d);
    e.exact_case = m.exact_case();
    e.country = m.country();
    if (e.name.empty() && e.iso2.empty() && e.iso3.empty())
      fail_at("entry", i, "entry " + std::to_string(i + 1) + " has no name");
    // A graph node's name must keep something once folded (graph::fold_name drops
    // punctuation and spaces): an entry named ";" could never become a node.
    if (!e.name.empty() && graph::fold_name(e.name).empty())
      fail_at("entry", i,
              "entry " + std::to_string(i + 1) + ": name \"" + excerpt_for_message(e.name) +
                  "\" has no letter or digit");
    add_entry(e);
  }
  for (int i = 0; i < msg.verb_size(); ++i) {
    const auto& m = msg.verb(i);
    VerbPattern v;
    auto r = graph::parse_relation(m.relation());
    if (!r || *r == graph::Relation::kRelatedTo)
      fail_at("verb", i,
              "verb " + std::to_string(i + 1) + ": unknown relation \"" +
                  excerpt_for_message(m.relation()) + "\"");
    v.relation = *r;
    for (const auto& f : m.form()) v.forms.push_back(fold_key(f));
    for (const auto& f : m.object()) v.objects.push_back(fold_key(f));
    for (const auto& f : m.prep()) v.preps.push_back(fold_key(f));
    v.complement = m.complement() || m.complement_only();
    v.complement_only = m.complement_only();
    v.reciprocal = m.reciprocal();
    v.reverse = m.reverse();
    v.name = m.name().empty() ? "verb:" + (v.forms.empty() ? std::string("?") : v.forms[0])
                              : "verb:" + m.name();
    if (v.forms.empty()) fail_at("verb", i, "verb " + std::to_string(i + 1) + " has no form");
    for (const auto& f : v.forms) {
      auto& list = verb_forms_[f];
      if (list.empty() || list.back() != verbs_.size()) list.push_back(verbs_.size());
    }
    verbs_.push_back(std::move(v));
  }
  // Verb forms in the token trie (lists copied so the Lexicon stays copyable).
  verb_lists_.clear();
  for (const auto& [form, list] : verb_forms_) {
    if (form.empty()) continue;
    nodes_[trie_insert(form)].verbs = static_cast<std::int32_t>(verb_lists_.size());
    verb_lists_.push_back(list);
  }
}

void Lexicon::index_form(std::string_view form, std::size_t entry) {
  std::string key = fold_key(form);
  if (key.empty()) return;
  std::size_t tokens = 1 + static_cast<std::size_t>(std::count(key.begin(), key.end(), ' '));
  max_tokens_ = std::max(max_tokens_, tokens);
  // A form written with a capital needs a capitalised surface ("US" is not "us").
  std::vector<Token> toks;
  std::vector<char> folded;
  tokenize(form, toks, folded);
  std::size_t first = toks.size() > 1 && toks[0].folded == "the" ? 1 : 0;
  bool needs_cap =
      first < toks.size() && (toks[first].cap || toks[first].type == TokenType::kNumber);
  TrieNode& node = nodes_[trie_insert(key)];
  if (by_form_.emplace(std::move(key), FormRef{entry, needs_cap}).second) {  // first claim wins
    node.form = static_cast<std::int32_t>(entry);
    node.needs_cap = needs_cap;
  }
}

std::uint32_t Lexicon::trie_insert(std::string_view key) {
  std::uint32_t node = kTrieRoot;
  std::size_t pos = 0;
  while (true) {
    const std::size_t sp = key.find(' ', pos);
    const std::string_view word =
        key.substr(pos, sp == std::string_view::npos ? std::string_view::npos : sp - pos);
    auto [vit, fresh] =
        vocab_.emplace(std::string(word), static_cast<std::uint32_t>(vocab_.size()));
    if (fresh) words_.emplace_back(word);
    const std::uint64_t edge = (static_cast<std::uint64_t>(node) << 32) | vit->second;
    const auto next = static_cast<std::uint32_t>(nodes_.size());
    const bool from_root = node == kTrieRoot;
    node = trie_.emplace(edge, next);
    if (node == next) nodes_.emplace_back();
    if (from_root) {
      if (root_.size() <= vit->second) root_.resize(vit->second + 1, kTrieRoot);
      root_[vit->second] = node;
    }
    if (sp == std::string_view::npos) break;
    pos = sp + 1;
  }
  return node;
}

std::uint32_t Lexicon::EdgeMap::emplace(std::uint64_t key, std::uint32_t value) {
  if (2 * (size_ + 1) > keys_.size()) {
    // Grow to keep the load at most 1/2 (short probe sequences).
    std::vector<std::uint64_t> old_keys = std::move(keys_);
    std::vector<std::uint32_t> old_values = std::move(values_);
    const std::size_t capacity = old_keys.empty() ? 64 : 2 * old_keys.size();
    keys_.assign(capacity, kEmpty);
    values_.assign(capacity, 0);
    mask_ = capacity - 1;
    shift_ = 64 - std::countr_zero(capacity);
    size_ = 0;
    for (std::size_t i = 0; i < old_keys.size(); ++i)
      if (old_keys[i] != kEmpty) emplace(old_keys[i], old_values[i]);
  }
  for (std::size_t i = slot(key);; i = (i + 1) & mask_) {
    if (keys_[i] == key) return values_[i];
    if (keys_[i] == kEmpty) {
      keys_[i] = key;
      values_[i] = value;
      ++size_;
      return value;
    }
  }
}

std::uint32_t Lexicon::token_id(std::string_view folded_token) const {
  auto it = vocab_.find(std::string(folded_token));
  return it == vocab_.end() ? kNoToken : it->second;
}

std::size_t Lexicon::add_entry(const LexiconEntry& in) {
  std::size_t idx = entries_.size();
  bool found = false;
  if (!in.iso3.empty()) {
    auto it = by_iso_.find(upper(in.iso3));
    if (it != by_iso_.end()) idx = it->second, found = true;
  }
  if (!found && !in.iso2.empty()) {
    auto it = by_iso_.find(upper(in.iso2));
    if (it != by_iso_.end()) idx = it->second, found = true;
  }
  if (!found && !in.name.empty()) {
    auto it = by_name_.find(fold_key(in.name));
    if (it != by_name_.end()) idx = it->second, found = true;
  }
  if (!found) {
    if (in.name.empty()) return entries_.size();  // extends an unknown code: ignore
    entries_.push_back(in);
    LexiconEntry& e = entries_.back();
    if (e.kind == graph::Kind::kUnspecified) e.kind = graph::Kind::kOrganization;
    by_name_.emplace(fold_key(e.name), idx);
    index_form(e.name, idx);
    for (const auto& a : e.aliases) index_form(a, idx);
  } else {
    LexiconEntry& e = entries_[idx];
    if (!in.name.empty() && fold_key(in.name) != fold_key(e.name)) {
      // A new canonical name for a known entry (iso-codes "Russian Federation" -> "Russia").
      e.aliases.push_back(e.name);
      e.name = in.name;
      by_name_[fold_key(e.name)] = idx;
      by_form_[fold_key(e.name)] = FormRef{idx, true};
      TrieNode& node = nodes_[trie_insert(fold_key(e.name))];
      node.form = static_cast<std::int32_t>(idx);
      node.needs_cap = true;
    }
    if (in.kind != graph::Kind::kUnspecified) e.kind = in.kind;
    for (const auto& a : in.aliases) {
      e.aliases.push_back(a);
      index_form(a, idx);
    }
    if (!in.part_of.empty()) e.part_of = in.part_of;
    if (!in.country.empty()) e.country = in.country;
    if (in.exact_case) e.exact_case = true;
    for (const auto& d : in.demonyms) e.demonyms.push_back(d);
  }
  LexiconEntry& e = entries_[idx];
  if (!e.iso2.empty()) by_iso_[upper(e.iso2)] = idx;
  if (!e.iso3.empty()) by_iso_[upper(e.iso3)] = idx;
  for (const auto& d : in.demonyms) {
    std::string key = fold_key(d);
    if (key.empty()) continue;
    TrieNode& node = nodes_[trie_insert(key)];
    if (by_demonym_.emplace(std::move(key), idx).second)
      node.demonym = static_cast<std::int32_t>(idx);
  }
  return idx;
}

const LexiconEntry* Lexicon::find_folded(std::string_view folded, bool* needs_cap) const {
  auto it = by_form_.find(std::string(folded));
  if (it == by_form_.end()) return nullptr;
  if (needs_cap) *needs_cap = it->second.needs_cap;
  return &entries_[it->second.entry];
}

const LexiconEntry* Lexicon::find(std::string_view surface) const {
  return find_folded(fold_key(surface));
}

const LexiconEntry* Lexicon::find_demonym(std::string_view word) const {
  auto it = by_demonym_.find(fold_key(word));
  return it == by_demonym_.end() ? nullptr : &entries_[it->second];
}

const std::vector<std::size_t>* Lexicon::verbs_with_form(const std::string& folded_form) const {
  auto it = verb_forms_.find(folded_form);
  return it == verb_forms_.end() ? nullptr : &it->second;
}

std::optional<std::string> Lexicon::government_by_iso(std::string_view code) const {
  auto it = by_iso_.find(upper(code));
  if (it == by_iso_.end()) return std::nullopt;
  return entries_[it->second].name;
}

std::optional<std::string> Lexicon::canonical_name(std::string_view name) const {
  const LexiconEntry* e = find(name);
  if (!e) return std::nullopt;
  return e->name;
}

std::optional<graph::Kind> Lexicon::kind_of(std::string_view name) const {
  const LexiconEntry* e = find(name);
  if (!e) return std::nullopt;
  return e->kind;
}

}  // namespace stakegraph::io
