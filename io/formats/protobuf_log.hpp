// Protobuf's own log lines ("[libprotobuf ERROR wire_format_lite.cc:618] String field ...
// contains invalid UTF-8 data when serializing ..."), which name no file and would reach
// stderr beside our one-line errors, are collected instead: route_protobuf_log() installs a
// handler that keeps each warning and error of the calling thread, and writers turn them
// into their errors (save_sgpb: serializing a string that is not UTF-8 logs an error and
// goes on, writing a file no reader accepts; it now fails, naming the file, and writes
// nothing). Complexity: O(1) per message.
#pragma once

#include <string>
#include <vector>

namespace stakegraph::io {

// Installs the collecting handler (google::protobuf::SetLogHandler), once per process; later
// calls do nothing. Called by the CLI at start and by the writers that check.
void route_protobuf_log();

// The warnings and errors protobuf logged on this thread since the last call (at most the
// first 16), each its first sentence; clears them.
std::vector<std::string> take_protobuf_log();

}  // namespace stakegraph::io
