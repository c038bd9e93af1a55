// GDELT 1.0 event rows made in the tests (58 tab-separated columns, the layout of GDELT's
// daily event files): the fields a test varies, everything else fixed or empty.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace stakegraph::test_support {

struct GdeltRow {
  int id = 1;                      // GLOBALEVENTID; the SOURCEURL is https://news.example/ID
  std::string actor1 = "USA";      // Actor1Code and Actor1CountryCode
  std::string actor1_name;         // Actor1Name
  std::string actor2 = "CHN";      // Actor2Code and Actor2CountryCode
  std::string actor2_name;         // Actor2Name
  std::string event_code = "043";  // EventCode; EventRootCode is its first two characters
  std::string goldstein = "1.0";   // GoldsteinScale
};

// One row, newline-terminated: SQLDATE 20190515, NumMentions 4, NumSources 1, NumArticles 2,
// DATEADDED 20190516.
inline std::string gdelt_row(const GdeltRow& r) {
  std::vector<std::string> f(58);
  f[0] = std::to_string(r.id);
  f[1] = "20190515";
  f[5] = f[7] = r.actor1;
  f[6] = r.actor1_name;
  f[15] = f[17] = r.actor2;
  f[16] = r.actor2_name;
  f[26] = r.event_code;
  f[28] = r.event_code.substr(0, 2);
  f[30] = r.goldstein;
  f[31] = "4";
  f[32] = "1";
  f[33] = "2";
  f[56] = "20190516";
  f[57] = "https://news.example/" + std::to_string(r.id);
  std::string s;
  for (std::size_t i = 0; i < f.size(); ++i) s += (i ? "\t" : "") + f[i];
  return s + "\n";
}

}  // namespace stakegraph::test_support
