// Event-data dictionaries (TABARI / PETRARCH 2 formats) and fast look-ups over a tokenized
// sentence: actors, agents, verbs with their patterns, and discards.
//
// Usage (the extractor holds one Dictionaries by const reference):
//
//   namespace dict = stakegraph::io::extract::dictionary;
//   dict::LoadOptions lo;                  // shipped set (data/dictionaries)...
//   lo.files = {"my.verbs", "my.actors"};  // ...a user file replaces the shipped one of its kind
//   const dict::Dictionaries d = dict::load_dictionaries(lo);
//   std::vector<std::string_view> toks = {"the", "united", "states", "accused", "the",
//                                         "police", "of", "torture"};   // lowercase words
//   if (d.discards.find(toks).story) { /* the story is not coded */ }
//   dict::ActorMatch a = d.actors.longest(toks, 1, 20190501);  // length 2, code "USA"
//   dict::AgentMatch g = d.agents.longest(toks, 5);            // "police": code "COP"
//   dict::VerbMatch v = d.verbs.match(toks, 3, 0, toks.size()); // block "BLAME", code "1122"
//   // v.pattern_text "* (OF TORTURE)": the pattern that matched (v.pattern nullptr: none,
//   // v.code is then the verb's or the block's code, "112" for "accused" alone);
//   // v.source / v.target: token index of its $ and + slots, when it has them.
//   dict::PloverEvent p = dict::plover_event(v.code);  // ACCUSE, sign -1 (plover.hpp)
//
// A token is looked up as a verb whatever its part of speech ("states" is a form of STATE):
// the caller decides which tokens are verbs and where the clause begins and ends.
//
// Formats read (README of data/dictionaries has the details):
//  - PETRARCH/TABARI text files, as PETRARCH 2's reader (PETRreader.py) reads them: '#'
//    comments (whole line or " #..." tail), <!-- --> comments (also over several lines),
//    blank lines skipped. Verbs: synsets "&NAME" + "+member" lines; blocks "--- NAME [code]
//    ---"; verb lines "VERB {IRREGULAR FORMS} [code]" with multi-word verbs "+CARRY_OUT",
//    "WIRE_+TAP"; patterns "- pre * post [code] # comment" with $ (source), + (target),
//    % (compound actor), ^ (any words), {A B} phrases, (PREP ...) prepositional phrases,
//    &SYNSET references, WORD_ exact vs WORD stem; "~" transformation lines (kept, unused).
//    Actors: "NAME_ [CODE]" + "+SYNONYM" lines + tab-indented "[CODE date]" restrictions.
//    Agents: "PHRASE {PLURAL} [~CODE]" / "[CODE~]", "!MARK! = A, B" substitution sets.
//    Discards: "PHRASE" (sentence) / "+PHRASE" (story), "PHRASE_" exact end.
//  - the project's derived TSV (written by `stakegraph dictionary convert`), recognized by its
//    first line "#stakegraph-dictionary<TAB>KIND<TAB>1".
//
// Where PETRARCH 2 reads its own files into junk, these readers choose: a verb line "LASH OUT"
// is the multi-word verb +LASH_OUT (PETRARCH makes "OUT" a verb too); '*' may touch words
// ("IN_*", "*SCEPTICAL"), as PETRARCH splits at the character; ';' starts a TABARI comment in
// actor and verb lines; '#' inside [...] belongs to the code ("[###]"); a bare date "[X D]"
// means on or after D; a dated restriction is tried before the undated default (PETRARCH
// tries them in file order, so a default on the name line hides later restrictions); actor
// names match whole words (PETRARCH 2 does; TABARI's trailing-'_' stems are not used); the
// code "---" is an empty code.
//
// Matching conventions: tokens are lowercase words (std::string_view); dictionary phrases are
// split on ' ' and '_' only, lowercased (ASCII), other punctuation kept inside words ("u.n.").
// Dates are yyyymmdd integers; 0 means "no date": the code valid latest.
//
// Complexity: loading is linear in the file size (the full shipped set loads in tens of
// milliseconds); ActorDictionary/AgentDictionary::longest are O(k) hash look-ups for a match
// of k words; VerbDictionary::match is O(P * n) for the P patterns of the verb's block over a
// clause of n tokens (each token hashed once per call).
//
// Results (ActorMatch, AgentMatch, VerbMatch) hold views into the dictionary: valid while it
// lives. All look-ups are const and thread-safe (VerbDictionary::match uses a thread_local
// scratch buffer).
//
// Errors: readers throw io::ParseError "FILE:LINE: what" for a malformed line (with
// ReadOptions::lenient such lines are skipped and listed in `warnings` instead);
// graph::NotFound for a missing file or shipped directory.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "io/extract/dictionary/phrase_index.hpp"

namespace stakegraph::io::extract::dictionary {

using Date = std::uint32_t;  // yyyymmdd; 0 = none
using Tokens = std::span<const std::string_view>;

struct ReadOptions {
  // Skip, instead of refusing, a malformed line of PETRARCH's format (a bad date restriction
  // alone, text after an actor's codes alone), listing it in `warnings` (PETRARCH itself reads
  // such lines into junk or skips them). The derived format is always read strictly.
  bool lenient = false;
};

struct Warning {
  std::string file;
  std::uint64_t line = 0;
  std::string message;
};

// Which of the four dictionaries a file holds.
enum class Kind { kVerbs, kActors, kAgents, kDiscards };
std::string_view kind_name(Kind k) noexcept;  // "verbs", "actors", "agents", "discards"

// ---- actors ---------------------------------------------------------------------------------

// One code with its date restriction: applies when from <= date <= until (0 = open end).
// "<D" is until = D - 1, ">D" is from = D (PETRARCH: on or after), "A-B" is A..B inclusive.
struct CodeSpan {
  std::string code;
  Date from = 0, until = 0;
  bool dated = false;  // false: the undated default
  bool applies(Date d) const noexcept {
    return !dated || ((from == 0 || d >= from) && (until == 0 || d <= until));
  }
};

struct ActorEntry {
  std::vector<std::string> phrases;  // lowercase, words joined by ' '; phrases[0] is the root
  std::vector<CodeSpan> codes;       // in file order
  std::uint32_t file = 0;            // index into ActorDictionary::files()
  std::uint64_t line = 0;
};

struct ActorMatch {
  std::size_t length = 0;  // tokens matched; 0 = no match
  std::uint32_t entry = 0;
  std::string_view code;  // code valid at the date ("" when none applies)
  explicit operator bool() const noexcept { return length > 0; }
};

class ActorDictionary final {
 public:
  // Longest actor phrase starting at tokens[i], and its code at `date` (0: the code valid
  // latest: the open-ended ">D" restriction with the latest start, else the undated default,
  // else the restriction ending last). A dated restriction is tried before the default.
  ActorMatch longest(Tokens tokens, std::size_t i, Date date = 0) const;
  std::string_view code_at(std::uint32_t entry, Date date) const;

  const std::vector<ActorEntry>& entries() const noexcept { return entries_; }
  const std::vector<std::string>& files() const noexcept { return files_; }
  std::uint32_t file_id(const std::string& name);  // index of the file name (added once)
  std::size_t phrase_count() const noexcept { return index_.phrase_count(); }
  std::size_t duplicate_phrases() const noexcept { return duplicates_; }
  std::size_t memory_bytes() const;  // approximate heap bytes held
  const std::vector<Warning>& warnings() const noexcept { return warnings_; }

  // Adds one entry; a phrase already present keeps its first entry (counted as duplicate).
  void add(ActorEntry e);

 private:
  std::vector<ActorEntry> entries_;
  std::vector<std::string> files_;
  PhraseIndex index_;
  std::size_t duplicates_ = 0;
  std::vector<Warning> warnings_;
  friend void parse_actors_into(ActorDictionary&, std::string_view, const std::string&,
                                const ReadOptions&);
};

// ---- agents ---------------------------------------------------------------------------------

struct AgentEntry {
  std::string phrase;   // lowercase, words joined by ' ' (plurals and substitutions expanded)
  std::string code;     // "COP" (from "~COP" or "COP~")
  bool prefix = false;  // "NGO~": the code goes before the actor code, else after
  std::uint64_t line = 0;
};

struct AgentMatch {
  std::size_t length = 0;
  std::string_view code;
  bool prefix = false;
  explicit operator bool() const noexcept { return length > 0; }
};

class AgentDictionary final {
 public:
  AgentMatch longest(Tokens tokens, std::size_t i) const;
  const std::vector<AgentEntry>& entries() const noexcept { return entries_; }
  std::size_t memory_bytes() const;
  const std::vector<Warning>& warnings() const noexcept { return warnings_; }
  void add(AgentEntry e);  // a phrase already present keeps its first code

 private:
  std::vector<AgentEntry> entries_;
  PhraseIndex index_;
  std::vector<Warning> warnings_;
  friend void parse_agents_into(AgentDictionary&, std::string_view, const std::string&,
                                const ReadOptions&);
};

// ---- discards -------------------------------------------------------------------------------

struct DiscardEntry {
  std::vector<std::string> words;  // lowercase
  bool story = false;              // "+PHRASE": the whole story is not coded, else the sentence
  bool exact = false;  // "PHRASE_": the last word must match whole, else as a prefix (stem)
  std::uint64_t line = 0;
};

struct DiscardMatch {
  std::size_t length = 0;
  std::size_t at = 0;  // token index (find) of the match
  bool story = false;
  explicit operator bool() const noexcept { return length > 0; }
};

class DiscardList final {
 public:
  DiscardMatch at(Tokens tokens, std::size_t i) const;  // longest discard at tokens[i]
  DiscardMatch find(Tokens tokens) const;               // first discard in the sentence
  const std::vector<DiscardEntry>& entries() const noexcept { return entries_; }
  std::size_t memory_bytes() const;
  void add(DiscardEntry e);

 private:
  std::vector<DiscardEntry> entries_;
  std::unordered_map<std::string, std::vector<std::uint32_t>, StringHash, std::equal_to<>>
      by_first_;  // entries by first word (exact)
  std::unordered_map<std::string, std::vector<std::uint32_t>, StringHash, std::equal_to<>>
      stems_;  // one-word stem entries by their word
  std::size_t max_stem_ = 0;
};

// ---- verbs ----------------------------------------------------------------------------------

// One element of a pattern, after parsing: words of {A B} phrases and (PREP ...) phrases are
// flattened in order (the matcher allows gaps between elements inside the clause).
struct PatternElement {
  enum class Type : std::uint8_t { kWord, kSynset, kSource, kTarget, kCompound, kSkip };
  Type type = Type::kWord;
  bool exact = false;    // kWord: "WORD_" (whole word) vs "WORD" (stem: WORD, WORDs, WORDed...)
  std::uint32_t id = 0;  // kWord: word id; kSynset: synset index
};

struct Pattern {
  std::uint32_t block = 0;
  std::string code;  // as written: "112", "042:043", ":173", "---"
  std::string text;  // "pre * post" as written (upper case, no code or comment)
  std::vector<PatternElement> pre, post;  // before / after the verb ('*')
  std::uint32_t specificity = 0;          // words and synsets (slots and ^ do not count)
  std::uint64_t line = 0;
};

struct VerbBlock {
  std::string name;  // "ACCUSE"
  std::string code;  // block code as written ("---" = none)
  std::vector<std::uint32_t> patterns;
  std::vector<std::uint32_t> verbs;  // indices into verb_forms()
};

// One surface form of a verb: front words, head word, back words ("carried" + "out").
struct VerbForm {
  std::vector<std::uint32_t> front, back;  // word ids (consecutive words before / after head)
  std::uint32_t head = 0;                  // word id
  std::uint32_t block = 0;
  std::string code;   // the verb's own [code], else empty (the block's applies)
  std::string lemma;  // the verb line's first form, as written ("+CARRY_OUT")
  std::uint64_t line = 0;
};

struct Synset {
  std::string name;                                 // "&CURRENCY"
  std::vector<std::vector<std::uint32_t>> members;  // word-id phrases (plurals included)
  std::vector<std::uint32_t> first_ids;             // sorted first words of the members
};

struct MatchOptions {
  // Optional: actor_start[i] != 0 where an actor mention begins. When given, the $, + and %
  // slots bind only to such tokens; otherwise a slot binds to the first token of its gap.
  std::span<const std::uint8_t> actor_start;
};

struct VerbMatch {
  bool verb = false;                         // tokens[v] is a verb form of the dictionary
  std::size_t verb_begin = 0, verb_end = 0;  // its tokens (multi-word verbs included)
  std::uint32_t block = 0;
  std::string_view block_name;
  std::string_view code;             // CAMEO code, active voice ("" = no event)
  std::string_view passive_code;     // after ':' in "[042:043]" ("" = none)
  const Pattern* pattern = nullptr;  // the pattern that matched (nullptr = verb/block default)
  std::string_view pattern_text;
  std::optional<std::size_t> source, target, compound;  // token index of $, +, %
  std::size_t post_end = 0;  // after the pattern's last post-verb word (verb_end if none)
  // The pattern's pre-verb words: from the first matched to after the last (equal: none).
  // Words in it ("did n't", "said would not") are the pattern's: PETRARCH codes a negation
  // its pattern names with the pattern's code.
  std::size_t pre_begin = 0, pre_end = 0;
  bool has_event() const noexcept { return !code.empty() || !passive_code.empty(); }
};

class VerbDictionary final {
 public:
  // The verb form at tokens[v] (longest multi-word form containing it as head) and the most
  // specific pattern of its block matching within [clause_begin, clause_end): pre-verb
  // elements in order before the verb, post-verb elements in order after it, gaps of up to
  // six words allowed before each.
  // Ties go to the pattern written first. No pattern: the verb's own code, else the block's;
  // "---" gives no code. A token that is no verb form gives verb == false.
  VerbMatch match(Tokens tokens, std::size_t v, std::size_t clause_begin, std::size_t clause_end,
                  const MatchOptions& options = {}) const;
  // Only the verb form (no pattern): verb, verb_begin/end, block, default code.
  VerbMatch find_verb(Tokens tokens, std::size_t v) const;

  const std::vector<VerbBlock>& blocks() const noexcept { return blocks_; }
  const std::vector<Pattern>& patterns() const noexcept { return patterns_; }
  const std::vector<VerbForm>& verb_forms() const noexcept { return forms_; }
  const std::vector<Synset>& synsets() const noexcept { return synsets_; }
  const std::vector<std::string>& transformations() const noexcept { return transforms_; }
  std::string_view word(std::uint32_t id) const { return words_.word(id); }
  std::optional<std::uint32_t> find_block(std::string_view name) const;
  std::size_t memory_bytes() const;
  const std::vector<Warning>& warnings() const noexcept { return warnings_; }

 private:
  friend class VerbBuilder;
  WordTable words_;
  std::vector<std::uint32_t> stem_of_;  // word id -> the pattern stem it inflects (or ~0u)
  std::vector<VerbBlock> blocks_;
  std::vector<Pattern> patterns_;
  std::vector<VerbForm> forms_;
  std::vector<Synset> synsets_;
  std::vector<std::string> transforms_;
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> forms_by_head_;
  std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> block_by_name_;
  std::vector<Warning> warnings_;
};

// ---- readers --------------------------------------------------------------------------------

// Each reads PETRARCH's text format or the project's derived TSV (detected by the first
// line). `name` is the file name used in error messages. Throws io::ParseError.
VerbDictionary read_verbs(const std::string& path, const ReadOptions& = {});
VerbDictionary parse_verbs(std::string_view text, const std::string& name, const ReadOptions& = {});
// Several actor files make one dictionary (Countries + International + MilNonState).
ActorDictionary read_actors(const std::vector<std::string>& paths, const ReadOptions& = {});
ActorDictionary parse_actors(std::string_view text, const std::string& name,
                             const ReadOptions& = {});
void parse_actors_into(ActorDictionary& into, std::string_view text, const std::string& name,
                       const ReadOptions& = {});
AgentDictionary read_agents(const std::vector<std::string>& paths, const ReadOptions& = {});
AgentDictionary parse_agents(std::string_view text, const std::string& name,
                             const ReadOptions& = {});
void parse_agents_into(AgentDictionary& into, std::string_view text, const std::string& name,
                       const ReadOptions& = {});
DiscardList read_discards(const std::vector<std::string>& paths, const ReadOptions& = {});
DiscardList parse_discards(std::string_view text, const std::string& name, const ReadOptions& = {});

// The kind of a dictionary file: the derived TSV header, else the name (".verbs", "verbs",
// "actors", "agents", "discards" in it), else the content (verb blocks "---", agent codes
// "[~X]"/"[X~]", actor codes "[X]", else discards). Throws graph::NotFound / ParseError.
Kind detect_kind(const std::string& path, std::string_view text);

// ---- derived format (written by `stakegraph dictionary convert`) ----------------------------

std::string write_verbs_tsv(const VerbDictionary& d);
std::string write_actors_tsv(const ActorDictionary& d);
std::string write_agents_tsv(const AgentDictionary& d);
std::string write_discards_tsv(const DiscardList& d);

// ---- the whole set --------------------------------------------------------------------------

struct Dictionaries {
  VerbDictionary verbs;
  ActorDictionary actors;
  AgentDictionary agents;
  DiscardList discards;
  std::vector<std::string> files;  // the files loaded, in order
  // The verbs dictionary is the user's own (LoadOptions::files), not the shipped one: its code
  // then decides the event type of a verb the lexicon also knows (io/extract.hpp).
  bool user_verbs = false;
  std::size_t memory_bytes() const {
    return verbs.memory_bytes() + actors.memory_bytes() + agents.memory_bytes() +
           discards.memory_bytes();
  }
};

struct LoadOptions {
  bool shipped = true;             // start from the shipped set (data/dictionaries)
  std::string data_dir;            // override of the shipped directory
  std::vector<std::string> files;  // user files (any format, any kind); a kind given here
                                   // replaces the shipped dictionary of that kind
  ReadOptions read;
};

// Throws graph::NotFound when a file or the shipped directory cannot be found (and shipped
// is set), graph::InvalidArgument for two verbs files, io::ParseError for a malformed line,
// binary data, or a file that yields no entries (empty or comments only).
Dictionaries load_dictionaries(const LoadOptions& options = {});

// The shipped directory: $STAKEGRAPH_DATA/dictionaries, else the first
// <ancestor of the executable>/share/stakegraph/dictionaries (the build tree has a copy, the
// install has it under <prefix>/share), else "" when none exists.
std::string default_dictionary_dir();

// File names of the shipped set inside that directory.
inline constexpr const char* kShippedVerbs = "verbs.tsv";
inline constexpr const char* kShippedActors = "actors.tsv";
inline constexpr const char* kShippedAgents = "agents.tsv";
inline constexpr const char* kShippedDiscards = "discards.tsv";

}  // namespace stakegraph::io::extract::dictionary
