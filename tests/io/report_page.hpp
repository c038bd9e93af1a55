// Reads back the data document a report page embeds (io/report/report_embed.hpp): the
// "report-data" and "report-evidence" script elements, unescaped by a JSON parser and put
// back together in report_data_json's shape. Written from the format's description, apart
// from the page's own decoder (io/report/report.js), so that tests compare the page's data
// with the CLI's shapes.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

namespace stakegraph::testing {

// The content of <script type="application/json" id="ID"> in `html`, parsed.
inline nlohmann::json script_json(const std::string& html, const std::string& id) {
  const std::string open = "<script type=\"application/json\" id=\"" + id + "\">";
  const auto a = html.find(open);
  if (a == std::string::npos) throw std::runtime_error("no element " + id);
  const auto b = html.find("</script>", a);
  if (b == std::string::npos) throw std::runtime_error("no end of " + id);
  return nlohmann::json::parse(html.substr(a + open.size(), b - a - open.size()));
}

// The whole data document of a report page.
inline nlohmann::json embedded_document(const std::string& html) {
  using nlohmann::json;
  json doc = script_json(html, "report-data");
  const json packed = script_json(html, "report-evidence");
  const json& strings = packed.at("strings");
  json& edges = doc.at("edges");
  if (packed.at("edges").size() != edges.size())
    throw std::runtime_error("evidence lists and edges differ in number");
  for (std::size_t i = 0; i < edges.size(); ++i) {
    json evidence = json::array();
    const json& keys = edges[i].at("evidence_keys");
    const json& items = packed["edges"][i];
    if (keys.size() != items.size()) throw std::runtime_error("keys and evidence differ");
    for (std::size_t j = 0; j < items.size(); ++j) {
      const json& f = items[j];
      const long article = f.at(0).get<long>();
      json marks = json::array();
      for (std::size_t m = 0; m + 1 < f.at(10).size(); m += 2)
        marks.push_back(json::array({f[10][m], f[10][m + 1]}));
      json x = {{"article", article < 0 ? json("") : doc["articles"].at(article).at("id")},
                {"sentence", f.at(1)},
                {"start", f.at(2)},
                {"end", f.at(3)},
                {"text", strings.at(f.at(4).get<std::size_t>())},
                {"hedged", f.at(5).get<int>() == 1},
                {"speaker", strings.at(f.at(6).get<std::size_t>())},
                {"rule", strings.at(f.at(7).get<std::size_t>())},
                {"date", strings.at(f.at(8).get<std::size_t>())},
                {"evidence_date", strings.at(f.at(9).get<std::size_t>())},
                {"marks", marks}};
      // The key the filters read: the date's place in "dates" and the hedged flag.
      const long key = keys[j].get<long>();
      const long date = key / 2 - 1;
      if ((key % 2 == 1) != x["hedged"].get<bool>() ||
          (date < 0 ? json("") : doc["dates"].at(date)) != x["evidence_date"])
        throw std::runtime_error("an evidence key disagrees with its item");
      evidence.push_back(std::move(x));
    }
    edges[i].erase("evidence_keys");
    edges[i]["evidence"] = std::move(evidence);
  }
  return doc;
}

}  // namespace stakegraph::testing
