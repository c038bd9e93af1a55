// Human-readable output made safe for the terminal: while a PrintableOutput is alive, all
// that is written to its stream (std::cout) goes through io::printable, so control
// characters in node names, evidence text or file names show as visible stand-ins ("␛")
// instead of driving the terminal. Line breaks and tabs pass. Commands install it for their
// text output only: their JSON is escaped by nlohmann::json already, and data written to
// standard output (`convert ... -`) must stay byte for byte.
// Complexity: O(bytes written); text is held back only until the end of its line.
#pragma once

#include <memory>
#include <ostream>

namespace stakegraph::cli {

class PrintableStreambuf;

class PrintableOutput final {
 public:
  explicit PrintableOutput(std::ostream& stream);
  // Flushes and restores the stream's own buffer; a failed write is kept as the stream's
  // badbit (cli/main.cpp reports it).
  ~PrintableOutput();
  PrintableOutput(const PrintableOutput&) = delete;
  PrintableOutput& operator=(const PrintableOutput&) = delete;

 private:
  std::ostream& stream_;
  std::streambuf* original_;
  std::unique_ptr<PrintableStreambuf> filter_;
};

}  // namespace stakegraph::cli
