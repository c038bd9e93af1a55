// A file read at explicit byte offsets, counting the bytes read: the frame readers of the
// `.sgpb` formats (io/formats/sgpb_frames.cpp, io/formats/sgpb_v3_read.cpp) check lengths against
// its size before reading, so a damaged file is an error with an offset, never a read past its end.
#pragma once

#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <string>

#include "graph/error.hpp"
#include "io/input.hpp"

namespace stakegraph::io {

// The bytes read by every OffsetReader of this process, in all (the read accounting that
// stakegraph-mpi --verbose prints for rank 0).
inline std::atomic<std::uint64_t>& offset_reader_total() {
  static std::atomic<std::uint64_t> total{0};
  return total;
}

class OffsetReader {
 public:
  // Throws graph::NotFound for a missing file, and what check_input_file throws.
  explicit OffsetReader(const std::string& path) : path_(path) {
    check_input_file(path);
    in_.open(path, std::ios::binary);
    if (!in_) throw graph::NotFound(path + ": cannot open: " + std::strerror(errno));
    in_.seekg(0, std::ios::end);
    size_ = static_cast<std::uint64_t>(in_.tellg());
  }
  std::uint64_t size() const { return size_; }
  std::uint64_t bytes_read() const { return read_; }
  const std::string& name() const { return path_; }
  // Reads n bytes at `at`; false when the file ends first.
  bool read(std::uint64_t at, char* out, std::size_t n) {
    if (at > size_ || n > size_ - at) return false;
    in_.clear();
    in_.seekg(static_cast<std::streamoff>(at));
    in_.read(out, static_cast<std::streamsize>(n));
    read_ += static_cast<std::uint64_t>(in_.gcount());
    offset_reader_total() += static_cast<std::uint64_t>(in_.gcount());
    return static_cast<std::size_t>(in_.gcount()) == n;
  }

 private:
  std::string path_;
  std::ifstream in_;
  std::uint64_t size_ = 0, read_ = 0;
};

}  // namespace stakegraph::io
