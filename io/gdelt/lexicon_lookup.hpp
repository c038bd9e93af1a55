// The GDELT importer's actor lookup (io/gdelt/gdelt.hpp: GdeltActorLookup) backed by the
// extraction lexicon (io/lexicon.hpp). Compiled with the lexicon (stakegraph::extract), not in
// stakegraph_gdelt, so that the GDELT room does not depend on extraction.
#pragma once

#include "io/gdelt/gdelt.hpp"

namespace stakegraph::io {

class Lexicon;
// Governments by ISO code (Lexicon::government_by_iso), other actors by name or alias
// (Lexicon::find). `lexicon` must outlive the returned functions. O(1) per call.
GdeltActorLookup gdelt_lexicon_lookup(const Lexicon& lexicon);

}  // namespace stakegraph::io
