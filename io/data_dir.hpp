// Where the data the program ships with (data/lexicon, data/dictionaries, ...) is found at run
// time, never through a path compiled in: $STAKEGRAPH_DATA/<name> when that directory exists,
// else share/stakegraph/<name> in the directory of the running executable or one of its
// first five parents: <prefix>/share/stakegraph/<name> for an installed <prefix>/bin/stakegraph,
// <build>/share/stakegraph/<name> in a build tree (CMake copies the data there). O(depth).
#pragma once

#include <string>

namespace stakegraph::io {

// The directory, or "" when none exists. Never throws.
std::string find_data_dir(const std::string& name);

}  // namespace stakegraph::io
