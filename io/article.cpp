#include "io/article.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "graph/error.hpp"
#include "io/error.hpp"
#include "io/input.hpp"
#include "io/text.hpp"

namespace stakegraph::io {
namespace {

namespace fs = std::filesystem;

std::string stem_of(const std::string& path) {
  if (path == "-") return "stdin";
  return fs::path(path).stem().string();
}

bool is_jsonl_path(const std::string& path) {
  auto ext = lower(fs::path(path).extension().string());
  return ext == ".jsonl" || ext == ".ndjson";
}

// Reads the header date `value` into `a` (date, and a warning when unreadable or ambiguous).
void set_date(ArticleText& a, std::string_view value, const ArticleReadOptions& options) {
  const NewsDate d = read_news_date(value, options.dates);
  a.date = d.date;
  a.date_warning = news_date_warning(value, d, options.dates);
}

void parse_json_line(std::string_view line, std::uint64_t line_no, std::uint64_t offset,
                     const std::string& path, ArticleText& a, const ArticleReadOptions& options) {
  if (auto bad = find_invalid_utf8(line))
    throw io::ParseError::at_offset(path, offset + *bad, "invalid UTF-8");
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(line);
  } catch (const nlohmann::json::parse_error& e) {
    throw io::ParseError(path, line_no, e.byte, "invalid JSON");
  }
  if (!j.is_object()) throw io::ParseError(path, line_no, 1, "expected a JSON object");
  auto str = [&](const char* k) {
    auto it = j.find(k);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  a = ArticleText{};
  a.path = path;
  a.id = stem_of(path) + "#" + std::to_string(line_no);
  a.title = str("title");
  a.source = str("source");
  a.url = str("url");
  a.body = str("text");
  if (a.body.empty()) a.body = str("body");
  if (a.body.empty()) a.body = str("content");
  if (!j.contains("text") && !j.contains("body") && !j.contains("content")) {
    std::string fields;
    for (const auto& [key, value] : j.items()) fields += (fields.empty() ? "" : ", ") + key;
    a.warning = path + ":" + std::to_string(line_no) +
                ": no \"text\", \"body\" or \"content\" field (fields: " +
                (fields.empty() ? std::string("none") : fields) + "): no text to extract from";
  }
  set_date(a, str("date"), options);
}

}  // namespace

std::optional<graph::Date> parse_news_date(std::string_view s) noexcept {
  try {
    const NewsDate d = read_news_date(s);
    if (d.date == graph::kNoDate) return std::nullopt;
    return d.date;
  } catch (...) {  // std::bad_alloc from the string streams
    return std::nullopt;
  }
}

ArticleText parse_text_article(const std::string& text, const std::string& path,
                               const ArticleReadOptions& options) {
  // The first of: an invalid UTF-8 sequence, a NUL byte (binary data).
  const auto bad = find_invalid_utf8(text);
  const std::size_t nul = text.find('\0');
  if (nul != std::string::npos && (!bad || nul < *bad))
    throw io::ParseError::at_offset(path == "-" ? "<stdin>" : path, nul,
                                    "NUL byte in a text article (is this a binary file?)");
  if (bad) throw io::ParseError::at_offset(path == "-" ? "<stdin>" : path, *bad, "invalid UTF-8");
  ArticleText a;
  a.path = path;
  a.id = stem_of(path);
  std::size_t pos = 0;
  // Skip a UTF-8 byte order mark.
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) pos = 3;
  auto next_line = [&](std::size_t from, std::size_t& end) {
    std::size_t nl = text.find('\n', from);
    end = nl == std::string::npos ? text.size() : nl + 1;
    return std::string_view(text).substr(from, (nl == std::string::npos ? text.size() : nl) - from);
  };
  auto header = [&](std::string_view line) -> bool {
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon > 8) return false;
    std::string key = lower(trim(line.substr(0, colon)));
    std::string value(trim(line.substr(colon + 1)));
    if (key == "title")
      a.title = value;
    else if (key == "date")
      set_date(a, value, options);
    else if (key == "source")
      a.source = value;
    else if (key == "url")
      a.url = value;
    else
      return false;
    return true;
  };
  // Skip leading blank lines.
  std::size_t end = 0;
  while (pos < text.size()) {
    std::string_view l = next_line(pos, end);
    if (!trim(l).empty()) break;
    pos = end;
  }
  bool any_header = false;
  std::size_t body_start = pos;
  std::size_t p = pos;
  bool first = true;
  bool title_only = false;  // the title line was read and no metadata line yet
  auto metadata_key = [&](std::string_view line) {
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon > 8) return false;
    const std::string k = lower(trim(line.substr(0, colon)));
    return k == "date" || k == "source" || k == "url";
  };
  while (p < text.size()) {
    std::string_view l = next_line(p, end);
    if (trim(l).empty()) {
      // "Title", a blank line, then "Date: ...": the metadata still belongs to the header.
      if (!title_only) break;
      std::size_t q = end, qe = end;
      std::string_view nl;
      while (q < text.size() && trim(nl = next_line(q, qe)).empty()) q = qe;
      if (q >= text.size() || !metadata_key(nl)) break;
      p = q;
      title_only = false;
      continue;
    }
    title_only = false;
    if (header(l)) {
      any_header = true;
      p = end;
      body_start = p;
      first = false;
      continue;
    }
    if (first) {
      // A title line: followed by a blank line or a metadata line.
      std::size_t end2 = 0;
      std::string_view l2 = end < text.size() ? next_line(end, end2) : std::string_view();
      std::string_view t = trim(l);
      bool title_like = t.size() < 300 && end < text.size();
      if (title_like && (trim(l2).empty() || l2.find(':') != std::string_view::npos)) {
        std::size_t colon = l2.find(':');
        bool l2_header = trim(l2).empty() || (colon <= 8 && [&] {
                           std::string k = lower(trim(l2.substr(0, colon)));
                           return k == "date" || k == "source" || k == "url" || k == "title";
                         }());
        if (l2_header) {
          if (t.size() > 2 && t[0] == '#') {
            const std::size_t text_start = t.find_first_not_of('#');  // npos: only '#'s
            t = text_start == std::string_view::npos ? std::string_view()
                                                     : trim(t.substr(text_start));
          }
          a.title = std::string(t);
          p = end;
          body_start = p;
          first = false;
          any_header = true;
          title_only = true;
          continue;
        }
      }
    }
    break;
  }
  if (!any_header) body_start = pos;
  // Skip blank lines between header and body.
  pos = body_start;
  while (pos < text.size()) {
    std::string_view l = next_line(pos, end);
    if (!trim(l).empty()) break;
    pos = end;
  }
  a.body = text.substr(pos);
  return a;
}

void for_each_article(const std::string& path, const std::function<void(ArticleText&)>& fn,
                      const ArticleReadOptions& options) {
  check_input_file(path);
  const std::string name = path == "-" ? "<stdin>" : path;
  bool jsonl = is_jsonl_path(path);
  std::istream* in = nullptr;
  std::ifstream file;
  if (path == "-") {
    in = &std::cin;
    int c = std::cin.peek();
    while (c != EOF && std::isspace(c)) {
      std::cin.get();
      c = std::cin.peek();
    }
    jsonl = c == '{';
  } else if (jsonl) {
    file.open(path, std::ios::binary);
    if (!file) throw graph::Error(path + ": cannot open");
    in = &file;
  }
  if (!jsonl) {
    const std::string text = read_file(path, kMaxArticleBytes);
    ArticleText a = parse_text_article(text, path, options);
    if (trim(text).empty()) throw io::ParseError(name, 0, 0, "empty file, no article text");
    fn(a);
    return;
  }
  for_each_jsonl_article(*in, name, fn, options);
}

void for_each_jsonl_article(std::istream& in, const std::string& name,
                            const std::function<void(ArticleText&)>& fn,
                            const ArticleReadOptions& options) {
  std::string line;
  std::uint64_t line_no = 0, offset = 0, articles = 0;
  ArticleText a;
  // Lines are read in pieces, so an overlong line is refused after kMaxLineBytes, not read
  // whole into memory.
  std::vector<char> piece(std::size_t{1} << 16);
  const auto streamsize = static_cast<std::streamsize>(piece.size());
  while (true) {
    line.clear();
    bool got = false;
    while (in.getline(piece.data(), streamsize) || in.gcount() > 0) {
      got = true;
      auto n = static_cast<std::size_t>(in.gcount());
      const bool full = in.fail() && !in.eof();  // piece full, the line goes on
      if (full) {
        in.clear();
      } else if (!in.eof()) {
        --n;  // the '\n' was counted
      }
      line.append(piece.data(), n);
      if (line.size() > kMaxLineBytes)
        throw io::ParseError(
            name, line_no + 1, 1,
            "line longer than the limit of " + std::to_string(kMaxLineBytes) + " bytes");
      if (!full) break;
    }
    if (!got) break;
    ++line_no;
    const std::uint64_t line_offset = offset;
    offset += line.size() + 1;
    if (trim(line).empty()) continue;
    parse_json_line(line, line_no, line_offset, name, a, options);
    if (a.body.size() > kMaxArticleBytes)
      throw io::ParseError(name, line_no, 1,
                           "article text of " + std::to_string(a.body.size()) +
                               " bytes exceeds the limit of " + std::to_string(kMaxArticleBytes) +
                               " bytes");
    ++articles;
    fn(a);
  }
  if (in.bad()) throw graph::Error(name + ": read failed");
  if (articles == 0) throw io::ParseError(name, 0, 0, "empty file, no articles");
}

std::vector<std::string> list_article_files(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const auto& p : paths) {
    if (p == "-") {
      out.push_back(p);
      continue;
    }
    if (!fs::exists(p)) throw graph::NotFound(p + ": no such file or directory");
    if (fs::is_directory(p)) {
      std::vector<std::string> found;
      for (const auto& e : fs::recursive_directory_iterator(p)) {
        if (!e.is_regular_file()) continue;
        auto ext = lower(e.path().extension().string());
        if (ext == ".txt" || ext == ".md" || ext == ".jsonl" || ext == ".ndjson")
          found.push_back(e.path().string());
      }
      if (found.empty())
        throw graph::NotFound(p + ": no articles in this directory (.txt, .md, .jsonl, .ndjson)");
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else {
      out.push_back(p);
    }
  }
  return out;
}

std::string text_hash(std::string_view text) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace stakegraph::io
