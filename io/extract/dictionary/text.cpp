// Shared helpers of the dictionary readers (see text.hpp).
#include "io/extract/dictionary/text.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "graph/error.hpp"
#include "io/error.hpp"

namespace stakegraph::io::extract::dictionary::text {

std::string read_file(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const auto st = fs::status(path, ec);
  if (ec || !fs::exists(st)) throw graph::NotFound(path + ": no such file");
  if (fs::is_directory(st)) throw graph::Error(path + ": is a directory, not a dictionary file");
  const auto size = fs::file_size(path, ec);
  if (!ec && size > kMaxDictionaryBytes)
    throw graph::Error(path + ": file of " + std::to_string(size) + " bytes exceeds the limit of " +
                       std::to_string(kMaxDictionaryBytes) + " bytes");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw graph::Error(path + ": cannot open");
  std::string s;
  s.resize(ec ? 0 : static_cast<std::size_t>(size));
  if (!s.empty()) in.read(s.data(), static_cast<std::streamsize>(s.size()));
  if (ec || !in) {
    std::ostringstream os;
    os << in.rdbuf();
    s = os.str();
    if (s.size() > kMaxDictionaryBytes)
      throw graph::Error(path + ": file exceeds the limit of " +
                         std::to_string(kMaxDictionaryBytes) + " bytes");
  }
  if (const std::size_t nul = s.find('\0'); nul != std::string::npos)
    throw io::ParseError::at_offset(path, nul, "binary data (a NUL byte), not a dictionary");
  return s;
}

std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' ||
                        s.front() == '\f' || s.front() == '\v'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' ||
                        s.back() == '\n' || s.back() == '\f' || s.back() == '\v'))
    s.remove_suffix(1);
  return s;
}

std::string bare_message(const io::ParseError& e) {
  std::string prefix = e.file().empty() ? std::string("<input>") : e.file();
  if (e.line() > 0) prefix += ":" + std::to_string(e.line());
  if (e.column() > 0) prefix += ":" + std::to_string(e.column());
  prefix += ": ";
  const std::string what = e.what();
  return what.rfind(prefix, 0) == 0 ? what.substr(prefix.size()) : what;
}

bool RawLines::next(std::string_view& line, std::uint64_t& line_no) {
  if (rest_.empty()) return false;
  const std::size_t nl = rest_.find('\n');
  line = rest_.substr(0, nl);
  rest_ = nl == std::string_view::npos ? std::string_view{} : rest_.substr(nl + 1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  line_no = ++no_;
  return true;
}

bool Lines::next(std::string_view& line, std::uint64_t& line_no) {
  while (!rest_.empty()) {
    const std::size_t nl = rest_.find('\n');
    std::string_view l = rest_.substr(0, nl);
    rest_ = nl == std::string_view::npos ? std::string_view{} : rest_.substr(nl + 1);
    ++no_;
    // <!-- --> comments: remove each, carrying an unclosed one to the next lines.
    std::string_view kept = l;
    std::string buf;
    bool cut = false;
    for (;;) {
      if (in_comment_) {
        const std::size_t end = kept.find("-->");
        if (end == std::string_view::npos) {
          kept = {};
          break;
        }
        kept = kept.substr(end + 3);
        in_comment_ = false;
        cut = true;
      }
      const std::size_t start = kept.find("<!--");
      if (start == std::string_view::npos) break;
      buf.append(kept.substr(0, start));
      kept = kept.substr(start + 4);
      in_comment_ = true;
      cut = true;
    }
    if (cut) {
      buf.append(kept);
      // The text outside comments: keep it in a stable place (rare: only mixed lines).
      scratch_line_ = std::move(buf);
      kept = scratch_line_;
    }
    // '#' starts a comment, except inside [...] (TABARI's discard code "[###]").
    int depth = 0;
    for (std::size_t k = 0; k < kept.size(); ++k) {
      if (kept[k] == '[') ++depth;
      if (kept[k] == ']' && depth > 0) --depth;
      if (kept[k] == '#' && depth == 0) {
        kept = kept.substr(0, k);
        break;
      }
    }
    kept = trim(kept);
    if (kept.empty()) continue;
    line = kept;
    line_no = no_;
    return true;
  }
  return false;
}

std::string lower(std::string_view s) {
  std::string r(s);
  for (char& c : r)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return r;
}

namespace {
bool separator(char c) noexcept {
  return c == ' ' || c == '_' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}
}  // namespace

std::vector<std::string> words(std::string_view phrase) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < phrase.size()) {
    while (i < phrase.size() && separator(phrase[i])) ++i;
    std::size_t j = i;
    while (j < phrase.size() && !separator(phrase[j])) ++j;
    if (j > i) out.push_back(lower(phrase.substr(i, j - i)));
    i = j;
  }
  return out;
}

std::string join(const std::vector<std::string>& ws, char sep) {
  std::string s;
  for (const auto& w : ws) {
    if (!s.empty()) s.push_back(sep);
    s += w;
  }
  return s;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  for (;;) {
    const std::size_t p = s.find(sep);
    out.push_back(s.substr(0, p));
    if (p == std::string_view::npos) break;
    s = s.substr(p + 1);
  }
  return out;
}

std::optional<Date> parse_date(std::string_view s) {
  auto num = [&](std::size_t at, std::size_t n) -> int {
    int v = 0;
    for (std::size_t k = at; k < at + n; ++k) {
      if (s[k] < '0' || s[k] > '9') return -1;
      v = v * 10 + (s[k] - '0');
    }
    return v;
  };
  int y = 0, m = 0, d = 0;
  if (s.size() >= 8) {
    y = num(0, 4), m = num(4, 2), d = num(6, 2);
  } else if (s.size() >= 6) {
    y = num(0, 2), m = num(2, 2), d = num(4, 2);
    if (y >= 0) y += y <= 30 ? 2000 : 1900;
  } else {
    return std::nullopt;
  }
  if (y < 0 || m < 1 || m > 12 || d < 1) return std::nullopt;
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (d > kDays[m - 1] || (m == 2 && d == 29 && !leap)) return std::nullopt;
  return static_cast<Date>(y * 10000 + m * 100 + d);
}

std::string derived_header(Kind k) {
  return "#stakegraph-dictionary\t" + std::string(kind_name(k)) + "\t1";
}

std::optional<Kind> derived_kind(std::string_view t) {
  constexpr std::string_view kMagic = "#stakegraph-dictionary\t";
  if (t.substr(0, kMagic.size()) != kMagic) return std::nullopt;
  t.remove_prefix(kMagic.size());
  for (Kind k : {Kind::kVerbs, Kind::kActors, Kind::kAgents, Kind::kDiscards}) {
    const std::string_view n = kind_name(k);
    if (t.substr(0, n.size()) == n && t.size() > n.size() && t[n.size()] == '\t') return k;
  }
  return std::nullopt;
}

}  // namespace stakegraph::io::extract::dictionary::text
