// GDELT event data: a streaming reader for GDELT 1.0 event files (57 or 58 tab-separated
// columns, mixed in one file) and GDELT 2.0 event exports (61 columns), plain, gzip or zip
// (as GDELT publishes them), and an importer that turns each event into an evidenced edge
// of the stakeholder graph.
//
// Reading: one line at a time from a fixed-size buffer (zlib gzFile for plain and .gz files
// and stdin, libzip for .zip archives, every member in turn), so memory does not grow with
// the file; only the graph grows. A header line (first line of a file or zip member whose
// first field is not a number and which names Actor1Code) is skipped. Columns 1-35 are the
// same in every version; DATEADDED and SOURCEURL are the last two columns (57-column rows,
// GDELT 1.0 before April 2013, have no SOURCEURL).
//
// Import, row by row (each data row lands in exactly one count of GdeltImportResult, in
// this order):
//  1. malformed: wrong column count, a non-numeric GLOBALEVENTID, an invalid SQLDATE, an
//     EventCode that is not 2-4 digits or that the CAMEO table does not know, an
//     EventRootCode that is not the first two characters of EventCode, a GoldsteinScale
//     outside [-10, 10], non-numeric counts, a DATEADDED that is not a date, invalid UTF-8
//     in a name or URL. Counted with file and line (the first max_listed_malformed listed);
//     with `strict` the first one throws io::ParseError instead.
//  2. filtered by date: SQLDATE (the event's date) before `since` or after `until`.
//  3. filtered by root code: EventRootCode not in `root_codes` (two-digit strings).
//  4. no actor / one actor: rows without both Actor1 and Actor2 (code or name) are counted,
//     not imported.
//  5. statement skipped: CAMEO root 01 ("make public statement") has no PLOVER type; with
//     `keep_statements` such rows become related_to edges instead.
//  6. duplicate: a GLOBALEVENTID already in the graph (re-importing a file changes nothing).
//  7. imported: an edge actor1 -> actor2 with the PLOVER type of the CAMEO code (data/cameo/
//     cameo_plover.tsv: exact code, else its first 3, else first 2 characters; "010" and
//     "10" are different codes) and one Evidence: article = the SOURCEURL (an Article with
//     that URL as id and url, the DATEADDED day as date, the host as source), date = SQLDATE
//     (when it differs from the article's), mentions = NumMentions, sources = NumArticles,
//     rule = "gdelt:<EventCode>", text = "GDELT event <GLOBALEVENTID>, CAMEO <EventCode>".
//
// Merged rows (same actors, same relation): each row keeps its own evidence, so an edge's
// mentions are the sum of its evidence's mentions. The edge's `goldstein` (never its
// `weight`, which stays the user's: Goldstein scores are signed) is the arithmetic mean of
// the Goldstein scores of the GDELT rows on the edge (the row's GoldsteinScale, else
// data/cameo/cameo_goldstein.tsv): the importer keeps it as a running mean,
//   goldstein <- (goldstein * n + score) / (n + 1),
// where n is the number of GDELT evidence items (rule "gdelt:...") already on the edge,
// counted from the graph, so importing into an existing graph continues the same mean. An
// edge that had no GDELT evidence (made by article extraction) takes the score of its first
// row. (Graph::merge of two graphs does not re-average.)
//
// Actors -> nodes (the same node as article extraction makes for the same actor, through
// the lexicon: one United States node whichever source made it). The country is
// ActorCountryCode, else the first 3 letters of the actor code when they are a country
// code (data/cameo/cameo_countries.tsv maps the CAMEO codes that differ from ISO 3166
// alpha-3); its name is the lexicon's canonical government name for the alpha-3 code. The
// role is the first of ActorType1-3Code (else the 3-letter chunks of the actor code after
// the country) found in this table:
//
//   role code                        node                                   kind
//   (none: country-only code)        <country>                              government
//   GOV                              <country>                              government
//   MIL COP JUD LEG SPY              <country> military / police /          agency, part_of
//                                    judiciary / legislature / intelligence <country>
//   MED                              <country> media                        media
//   BUS                              <country> business                     organization
//   MNC IGO NGO NGM IMG, or a        the actor's name ("Wells Fargo",       organization
//     KnownGroupCode                 "Amnesty International")
//   OPP PTY REB INS SEP UAF CRM CVL  <country> opposition / political       organization
//   LAB EDU HLH REF AGR DEV ENV HRI  parties / rebels / insurgents / ...
//   ELI MOD RAD REL SET and others
//   any role, no country             <location's country>: <actor's name>   the role's kind;
//     (a generic actor: "PRESIDENT"  ("United States: President", from       agencies
//     coded GOV, "POLICE" coded COP) ActorGeo_FullName's last part; without   part_of the
//                                    a location "Unknown country: Police")  country
//   no role, no country              the actor's name                       organization
//
// Names are GDELT's upper-case names in title case. Before this table, the lookup's
// `entity` function (the lexicon) is asked for the actor's name: a known vendor, operator,
// media, person, agency or organization ("Reuters", "Samsung", "NATO") is that node with
// the lexicon's kind (so BUS/MNC actors the lexicon knows as vendor or operator get that
// kind). Governments come from the country code only, never from a name the lexicon knows
// as a government: GDELT names places ("GEORGIA" coded USA is the US state; "WASHINGTON"
// coded USACOP is a police force). A node created here gets the attribute cameo=<country
// code> (governments) or cameo=<actor code> (others).
//
// Complexity: O(rows) time; memory O(graph) plus O(distinct actors + GDELT events in the
// graph) for the caches and the GLOBALEVENTID set.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/graph.hpp"

namespace stakegraph::io {

// ---- CAMEO tables ---------------------------------------------------------------------------

// The CAMEO -> PLOVER and CAMEO -> Goldstein tables of data/cameo/ (compiled into the library
// at build time, so the program runs without the source tree).
class CameoTables final {
 public:
  // The tables of data/cameo/.
  static const CameoTables& builtin();
  // Parses tab-separated "code<TAB>PLOVER-type-or-'-'" and "code<TAB>score" lines ('#'
  // comments and blank lines ignored). Throws io::ParseError naming `name` and the line.
  static CameoTables parse(std::string_view plover_tsv, std::string_view goldstein_tsv,
                           std::string_view countries_tsv, const std::string& name);

  struct EventType {
    bool known = false;      // the code (or its 3- or 2-character prefix) is in the table
    bool statement = false;  // "-": no PLOVER type (root 01)
    graph::Relation relation = graph::Relation::kUnspecified;
  };
  // Exact code, else its first 3, else its first 2 characters.
  EventType event_type(std::string_view code) const;
  // Same lookup order; nullopt when no prefix has a score.
  std::optional<double> goldstein(std::string_view code) const;
  // CAMEO country code -> ISO alpha-3 when they differ ("ROM" -> "ROU"); else the code itself.
  std::string_view iso_alpha3(std::string_view cameo_country) const;

  std::size_t event_code_count() const noexcept { return types_.size(); }

 private:
  std::unordered_map<std::string, EventType> types_;
  std::unordered_map<std::string, double> goldstein_;
  std::unordered_map<std::string, std::string> countries_;
};

// ---- streaming reader -----------------------------------------------------------------------

// One actor of a row; views into the reader's current line.
struct GdeltActor {
  std::string_view code, name, country, known_group, ethnic, religion1, religion2;
  std::string_view type[3];
  std::string_view geo;  // ActorGeo_FullName: "California, United States"
  bool present() const noexcept { return !code.empty() || !name.empty(); }
};

// One event row; views into the reader's current line, valid until the next call to next().
struct GdeltEvent {
  int columns = 0;                    // 57, 58 or 61
  std::uint64_t event_id = 0;         // GLOBALEVENTID
  graph::Date date = graph::kNoDate;  // SQLDATE
  GdeltActor actor1, actor2;
  std::string_view event_code, base_code, root_code;
  std::optional<double> goldstein;  // nullopt when the field is empty
  std::uint32_t mentions = 0, sources = 0, articles = 0;
  graph::Date date_added = graph::kNoDate;  // the day of DATEADDED
  std::string_view source_url;              // empty for 57-column rows
};

class GdeltReader final {
 public:
  enum class Status { kEvent, kHeader, kBlank, kMalformed };

  // Opens a plain, gzip (by its magic bytes) or zip (by its magic bytes) file, or "-" for
  // standard input (plain or gzip). Throws graph::NotFound for a missing file and
  // graph::Error for an unreadable one or a zip archive libzip cannot open.
  explicit GdeltReader(const std::string& path);
  // Reads the lines of `data` (plain text, kept alive by the caller); `name` for messages.
  GdeltReader(const std::string& name, std::string_view data);
  ~GdeltReader();
  GdeltReader(const GdeltReader&) = delete;
  GdeltReader& operator=(const GdeltReader&) = delete;

  // Reads the next line; false at the end of the input. On kEvent, event() holds the row;
  // on kMalformed, error() says why. Throws io::ParseError (file and line) when the
  // compressed stream is damaged or truncated, or on a read error.
  bool next(Status& status);

  const GdeltEvent& event() const noexcept { return event_; }
  const std::string& error() const noexcept { return error_; }
  // The last line read (without its line end), valid until the next call to next().
  std::string_view text() const noexcept { return line_; }
  // The file (or "archive.zip:member") and 1-based line of the last line read.
  const std::string& where() const noexcept;
  std::uint64_t line() const noexcept;
  // Input bytes consumed so far (compressed bytes for .gz and .zip) and the input's size
  // (0 when unknown, e.g. stdin), for progress reports.
  std::uint64_t bytes_consumed() const noexcept;
  std::uint64_t total_bytes() const noexcept;

  class Source;  // byte source and line splitter (gdelt.cpp): gzip/plain, zip

 private:
  bool is_header(std::string_view line) const;
  bool parse(std::string_view line);
  std::unique_ptr<Source> src_;
  std::string_view line_;
  GdeltEvent event_;
  std::string error_;
};

// ---- importer -------------------------------------------------------------------------------

// What the importer needs from a lexicon. Both functions may be empty: country names then
// come from Debian's iso-codes (io::iso_country_name, io/iso_codes.hpp), and no actor name
// is looked up.
struct GdeltActorLookup {
  struct Entity {
    std::string name;
    graph::Kind kind = graph::Kind::kUnspecified;
  };
  // Canonical government name for an ISO 3166-1 alpha-3 code ("USA" -> "United States").
  std::function<std::optional<std::string>(std::string_view alpha3)> country_name;
  // A known entity by surface name ("REUTERS" -> {"Reuters", media}); case-insensitive.
  std::function<std::optional<Entity>(std::string_view name)> entity;
};

// io/gdelt/lexicon_lookup.hpp gives the lookup backed by the extraction lexicon.

struct GdeltProgress {
  std::string file;
  std::uint64_t rows = 0;         // rows read so far, all files
  std::uint64_t bytes = 0;        // of the current file
  std::uint64_t total_bytes = 0;  // of the current file, 0 when unknown
};

struct GdeltImportOptions {
  graph::Date since = graph::kNoDate;   // keep events on or after (SQLDATE); kNoDate: no bound
  graph::Date until = graph::kNoDate;   // keep events on or before
  std::vector<std::string> root_codes;  // keep these EventRootCodes ("01".."20"); empty: all
  bool keep_statements = false;         // root 01 rows become related_to edges
  bool strict = false;                  // the first malformed row throws io::ParseError
  // A file without a single well-formed row (empty, only a header, or every row malformed:
  // not GDELT data at all) throws io::ParseError naming it (and its first malformed line)
  // instead of importing nothing. The CLI sets it.
  bool require_rows = false;
  std::size_t max_listed_malformed = 20;  // malformed rows listed with their line numbers
  GdeltActorLookup lookup;
  const CameoTables* tables = nullptr;  // nullptr: CameoTables::builtin()
  // Called about every progress_every rows and at the end of each file.
  std::function<void(const GdeltProgress&)> progress;
  std::uint64_t progress_every = 65536;
};

struct GdeltMalformedRow {
  std::string file;
  std::uint64_t line = 0;
  std::string reason;
};

struct GdeltImportResult {
  std::uint64_t files = 0;
  std::uint64_t lines = 0;  // every line read, headers and blanks included
  std::uint64_t header_lines = 0;
  std::uint64_t blank_lines = 0;
  std::uint64_t rows = 0;                               // data rows (lines - headers - blanks)
  std::uint64_t rows_57 = 0, rows_58 = 0, rows_61 = 0;  // well-formed rows by column count
  std::uint64_t malformed_rows = 0;
  std::vector<GdeltMalformedRow> malformed;  // the first max_listed_malformed
  std::uint64_t filtered_by_date = 0;
  std::uint64_t filtered_by_root = 0;
  std::uint64_t no_actor_rows = 0;
  std::uint64_t one_actor_rows = 0;
  std::uint64_t statements_skipped = 0;
  std::uint64_t statements_kept = 0;  // with keep_statements (also counted in imported)
  std::uint64_t duplicate_rows = 0;   // GLOBALEVENTID already in the graph
  std::uint64_t imported_rows = 0;    // rows that became evidence on an edge
  std::uint64_t edges_added = 0;      // new event edges
  std::uint64_t rows_merged = 0;      // imported rows whose edge already existed
  std::uint64_t self_loops = 0;       // imported rows whose two actors are one node
  std::uint64_t part_of_added = 0;    // agency -> government part_of edges added
  std::uint64_t nodes_added = 0;
  std::uint64_t articles_added = 0;
};

// Imports GDELT event files into `g` (which may already hold a graph: nodes are matched by
// name and alias, edges by (source, target, relation), events by GLOBALEVENTID). Throws
// graph::InvalidArgument for a root code that is not two digits 01-20, graph::NotFound /
// graph::Error for files that cannot be read, io::ParseError for a damaged compressed
// stream or (with strict) the first malformed row; `g` may then hold the rows before it.
GdeltImportResult import_gdelt(graph::Graph& g, const std::vector<std::string>& files,
                               const GdeltImportOptions& options = {});

// The same import in two phases, for processes that share the reading (stakegraph-mpi import
// gdelt): scan_gdelt reads, checks and filters the rows of some of the files (steps 1-5
// above, with the same counts and errors) and keeps the rows that reach the duplicate check
// as their text; import_gdelt_scans then runs steps 6-7 on the scans, which `next` hands it
// one at a time until it returns false, and adds up the counts. Scans of consecutive shares
// of the files, handed in file order, give the graph and the counts that import_gdelt gives
// for all the files (the malformed rows listed are the first max_listed_malformed in file
// order). Memory: a scan holds its kept rows' text.
struct GdeltScan {
  GdeltImportResult counts;  // steps 1-5 (files ... statements_skipped, malformed)
  std::string rows;          // the rows kept, each ended by '\n'
};
GdeltScan scan_gdelt(const std::vector<std::string>& files, const GdeltImportOptions& options = {});
GdeltImportResult import_gdelt_scans(graph::Graph& g, const std::function<bool(GdeltScan&)>& next,
                                     const GdeltImportOptions& options = {});

// "UNITED STATES" -> "United States", "AMNESTY INTERNATIONAL" -> "Amnesty International";
// of/the/and/for/in/on/a/an/de lower case except first. Only ASCII letters change.
std::string gdelt_title_case(std::string_view upper);

}  // namespace stakegraph::io
