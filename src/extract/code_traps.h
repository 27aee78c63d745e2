// Code traps: numbers that stand inside code, markup, links or reference marks rather than in
// prose (issue 13, item 5). They are judged on the raw bytes around the number, before any
// grammar, because the tokenizer reads "alert(1)" or "[12]" as ordinary words and figures.
//
//   code        glued to an identifier or operator: "alert(1)", "x=2", "arr[3]", "f(4,5)"
//   markup      inside an HTML/XML tag or entity: <h2>, width="300", &#160;
//   link        inside a URL or e-mail address: "https://…/2015/11/30/…", "www.x.com/5"
//   reference   a bracketed reference or enumerator: "[12]", "[3, 4]", "(2)" opening an item
//               or standing after a word with no place or figure before it
//   footnote    a mark glued to a figure, a bracket or a stop: "(4,761)1", "fighters.12", "960²"
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ftf::extract {

// Why doc[start, end) (the bytes of one number) is no figure, or nullopt when it stands in
// prose. `core_start` is where its digits begin (after any hedge words).
std::optional<std::string> CodeTrap(std::string_view doc, size_t core_start, size_t end);

}  // namespace ftf::extract
