#include "io/input.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <vector>

#include "graph/error.hpp"

namespace stakegraph::io {

void check_input_file(const std::string& path) {
  if (path == "-") return;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) throw graph::NotFound(path + ": no such file");
    throw graph::Error(path + ": cannot read: " + std::strerror(errno));
  }
  if (S_ISDIR(st.st_mode)) throw graph::Error(path + ": is a directory, not a file");
}

std::string read_stream(std::istream& in, const std::string& name, std::uint64_t max_bytes) {
  // Pieces, joined once the end is reached: a std::string grown by appending doubles its
  // buffer and copies, so 4 GiB took 8.4 GB before the limit was even checked. This way
  // the input is refused as soon as it passes the limit, and the peak is the input plus
  // one piece.
  constexpr std::size_t kPiece = 16u << 20;
  std::vector<std::string> pieces;
  std::uint64_t total = 0;
  for (;;) {
    std::string piece(kPiece, '\0');
    in.read(piece.data(), static_cast<std::streamsize>(piece.size()));
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got == 0) break;
    total += got;
    if (total > max_bytes)
      throw graph::Error(name + ": input larger than the limit of " + std::to_string(max_bytes) +
                         " bytes");
    piece.resize(got);
    if (got < kPiece / 2) piece.shrink_to_fit();
    pieces.push_back(std::move(piece));
    if (!in) break;
  }
  if (in.bad()) throw graph::Error(name + ": read failed");
  if (pieces.size() == 1) return std::move(pieces.front());
  std::string data;
  data.reserve(static_cast<std::size_t>(total));
  for (std::string& piece : pieces) {
    data += piece;
    std::string().swap(piece);
  }
  return data;
}

std::string read_file(const std::string& path, std::uint64_t max_bytes) {
  check_input_file(path);
  if (path == "-") {
    // Standard input redirected from a file has a size: refuse it before reading.
    struct stat st {};
    if (::fstat(STDIN_FILENO, &st) == 0 && S_ISREG(st.st_mode) &&
        static_cast<std::uint64_t>(st.st_size) > max_bytes)
      throw graph::Error("<stdin>: input of " + std::to_string(st.st_size) +
                         " bytes exceeds the limit of " + std::to_string(max_bytes) + " bytes");
    return read_stream(std::cin, "<stdin>", max_bytes);
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw graph::Error(path + ": cannot open: " + std::strerror(errno));
  in.seekg(0, std::ios::end);
  const auto size = static_cast<std::uint64_t>(in.tellg());
  if (size > max_bytes)
    throw graph::Error(path + ": file of " + std::to_string(size) + " bytes exceeds the limit of " +
                       std::to_string(max_bytes) + " bytes");
  in.seekg(0);
  std::string data(size, '\0');
  in.read(data.data(), static_cast<std::streamsize>(size));
  if (static_cast<std::uint64_t>(in.gcount()) != size)
    throw graph::Error(path + ": read failed: " + std::strerror(errno));
  return data;
}

std::optional<std::size_t> find_invalid_utf8(std::string_view s) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    // ASCII runs eight bytes at a time (most text is).
    for (std::uint64_t w; i + 8 <= n; i += 8) {
      std::memcpy(&w, p + i, 8);
      if ((w & 0x8080808080808080ull) != 0) break;
    }
    if (i >= n) break;
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len;
    std::uint32_t cp;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (std::size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return i;
    i += len;
  }
  return std::nullopt;
}

std::pair<std::uint64_t, std::uint64_t> line_and_column(std::string_view text, std::size_t offset) {
  std::uint64_t line = 1, col = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return {line, col};
}

std::string excerpt_for_message(std::string_view text, std::size_t max_bytes) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (out.size() >= max_bytes) {
      out += "...";
      break;
    }
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t len = 1;
    if (c >= 0x80) {
      // Copy one whole valid UTF-8 sequence, or escape a single invalid byte.
      len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
      if (len == 0 || i + len > text.size() || find_invalid_utf8(text.substr(i, len))) len = 0;
    }
    if (len > 1) {
      out.append(text.substr(i, len));
      i += len;
      continue;
    }
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7F || c >= 0x80) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    } else {
      out += static_cast<char>(c);
    }
    ++i;
  }
  return out;
}

}  // namespace stakegraph::io
