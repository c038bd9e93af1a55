// How the page embeds the data document (io/report/report_data.hpp): in two parts, so that
// opening the page reads only what the drawing, filters, timeline and tables need, and the
// evidence (most of the document: every sentence with its marks) is read when a panel first
// shows some.
//
// - "data" (<script type="application/json" id="report-data">): the document as
//   report_data_json writes it, except that each edge's "evidence" array is replaced by
//   "evidence_keys": one integer per evidence item, in the same order, 2 * (i + 1) + hedged
//   where i is the index of the item's "evidence_date" in the document's "dates" (0 + hedged
//   when it is undated): what the filters need.
// - "evidence" (<script type="application/json" id="report-evidence">):
//     {"strings": [...], "edges": [[item, ...], ...]}
//   with one list per edge, in the order of "edges", and each item an array of the evidence
//   fields in the order of kEvidenceFields: "article" as the index of the article in the
//   document's "articles" (-1 for none), "text", "speaker", "rule", "date" and
//   "evidence_date" as indices into "strings" (each distinct string once: evidence of one
//   edge often repeats a sentence, and most items share their rule, speaker and dates),
//   "hedged" as 0 or 1, "marks" flattened ([from, to, from, to, ...]); the other fields as
//   they are.
// Decoding both gives back report_data_json's document exactly (tested).
// Complexity: linear in the size of the document (plus a hash lookup per string).
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace stakegraph::io::report {

inline constexpr std::array<std::string_view, 11> kEvidenceFields = {
    "article", "sentence", "start", "end",           "text", "hedged",
    "speaker", "rule",     "date",  "evidence_date", "marks"};

struct EmbeddedData {
  std::string data;      // compact JSON, not yet escaped for HTML (embed_json_for_script)
  std::string evidence;  // likewise
};

// The two parts of `data_json` (report_data_json's document). Throws graph::Error when it is
// not such a document (an evidence item without one of kEvidenceFields, an article or date
// that the document does not list).
EmbeddedData split_report_data(std::string_view data_json);

}  // namespace stakegraph::io::report
