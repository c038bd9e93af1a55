#include "io/report/report_embed.hpp"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "graph/error.hpp"

namespace stakegraph::io::report {
namespace {

using Json = nlohmann::ordered_json;

// Each distinct string once, numbered in order of first use.
class StringTable {
 public:
  std::size_t index(const std::string& s) {
    const auto [it, added] = index_.try_emplace(s, strings_.size());
    if (added) strings_.push_back(s);
    return it->second;
  }
  Json take() { return std::move(strings_); }

 private:
  std::unordered_map<std::string, std::size_t> index_;
  Json strings_ = Json::array();
};

const Json& field(const Json& item, std::string_view name) {
  const auto it = item.find(name);
  if (it == item.end())
    throw graph::Error("report: an evidence item has no \"" + std::string(name) + "\"");
  return *it;
}

}  // namespace

namespace {

EmbeddedData split(std::string_view data_json) {
  Json doc = Json::parse(data_json);
  std::unordered_map<std::string, std::int64_t> article_index, date_index;
  for (std::size_t i = 0; i < doc.at("articles").size(); ++i)
    article_index.emplace(doc["articles"][i].at("id").get<std::string>(), i);
  for (std::size_t i = 0; i < doc.at("dates").size(); ++i)
    date_index.emplace(doc["dates"][i].get<std::string>(), i);

  StringTable strings;
  Json per_edge = Json::array();
  for (Json& edge : doc.at("edges")) {
    Json items = Json::array();
    Json keys = Json::array();
    for (const Json& x : edge.at("evidence")) {
      Json item = Json::array();
      const std::string article = field(x, "article").get<std::string>();
      const std::string when = field(x, "evidence_date").get<std::string>();
      std::int64_t a = -1, d = -1;
      if (!article.empty()) {
        const auto it = article_index.find(article);
        if (it == article_index.end())
          throw graph::Error("report: evidence cites an unlisted article '" + article + "'");
        a = it->second;
      }
      if (!when.empty()) {
        const auto it = date_index.find(when);
        if (it == date_index.end())
          throw graph::Error("report: evidence dated '" + when + "', which is not listed");
        d = it->second;
      }
      const bool hedged = field(x, "hedged").get<bool>();
      keys.push_back(2 * (d + 1) + (hedged ? 1 : 0));
      for (std::string_view name : kEvidenceFields) {
        const Json& v = field(x, name);
        if (name == "article") {
          item.push_back(a);
        } else if (name == "hedged") {
          item.push_back(hedged ? 1 : 0);
        } else if (name == "marks") {
          Json flat = Json::array();
          for (const Json& m : v)
            for (const Json& at : m) flat.push_back(at);
          item.push_back(std::move(flat));
        } else if (v.is_string()) {
          item.push_back(strings.index(v.get<std::string>()));
        } else {
          item.push_back(v);
        }
      }
      items.push_back(std::move(item));
    }
    edge.erase("evidence");
    edge["evidence_keys"] = std::move(keys);
    per_edge.push_back(std::move(items));
  }
  Json evidence;
  evidence["strings"] = strings.take();
  evidence["edges"] = std::move(per_edge);
  return {doc.dump(-1, ' ', false, Json::error_handler_t::replace),
          evidence.dump(-1, ' ', false, Json::error_handler_t::replace)};
}

}  // namespace

EmbeddedData split_report_data(std::string_view data_json) {
  try {
    return split(data_json);
  } catch (const nlohmann::json::exception& e) {
    throw graph::Error(std::string("report: the data document cannot be split: ") + e.what());
  }
}

}  // namespace stakegraph::io::report
