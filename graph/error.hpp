// The library's exceptions (the readers' io::ParseError, in io/error.hpp, derives from Error).
// Library code throws these and never prints or exits; the CLI (cli/main.cpp) maps them to
// exit codes: InvalidArgument -> 2 (usage), everything else -> 1.
#pragma once

#include <stdexcept>
#include <string>

namespace stakegraph::graph {

// Base of every stakegraph error. what() is a complete one-line message.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A caller passed a value that can never work (unknown metric, bad option combination).
class InvalidArgument : public Error {
 public:
  using Error::Error;
};

// A name, id or file that does not exist.
class NotFound : public Error {
 public:
  using Error::Error;
};

}  // namespace stakegraph::graph
