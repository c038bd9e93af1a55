#include "io/formats/protobuf_log.hpp"

#include <google/protobuf/stubs/logging.h>

#include <mutex>

namespace stakegraph::io {
namespace {

constexpr std::size_t kKept = 16;

std::vector<std::string>& messages() {
  thread_local std::vector<std::string> kept;
  return kept;
}

void collect(google::protobuf::LogLevel level, const char* file, int line,
             const std::string& message) {
  if (level < google::protobuf::LOGLEVEL_WARNING) return;
  auto& kept = messages();
  if (kept.size() >= kKept) return;
  (void)file;
  (void)line;  // protobuf's own source position: of no use to whoever reads our error
  // The first sentence: the rest is advice to the schema's author ("Use the 'bytes' type").
  const auto end = message.find(". ");
  kept.push_back(end == std::string::npos ? message : message.substr(0, end));
}

}  // namespace

void route_protobuf_log() {
  static std::once_flag once;
  std::call_once(once, [] { google::protobuf::SetLogHandler(&collect); });
}

std::vector<std::string> take_protobuf_log() {
  std::vector<std::string> out;
  out.swap(messages());
  return out;
}

}  // namespace stakegraph::io
