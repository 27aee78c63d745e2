// Attack events from CSV, and the numbers a severity analysis needs from them.
//
// Three layouts are recognised from the first line:
//
// 1. The simple schema (documented in docs/severity.md), a header naming at least `date` and
//    `deaths`, optionally `country`, `wounded`, `attack_type`, `group`, `source`:
//        date,country,deaths,wounded,attack_type,group,source
//        2015-11-13,FRA,130,413,Armed Assault,ISIL,GTD 201511130008
//    `date` is YYYY-MM-DD, YYYY-MM or YYYY (month or day unknown); an empty date is unknown.
// 2. The Global Terrorism Database's export layout: a header with `iyear` and `nkill`; uses
//    iyear, imonth, iday (0 = unknown), country_txt, nkill, nwound, attacktype1_txt, gname
//    and eventid (as the source). GTD files are Latin-1; text is converted to UTF-8.
// 3. A plain file of one number per line (recognised when the first line is a number or has
//    no comma; no header, except that a first line `deaths` is taken as a one-column CSV's
//    header; blank lines only at the end; lines starting with '#' are comments), read as
//    deaths with no dates.
//
// Numbers: an empty `deaths`/`wounded` cell means unknown (GTD: a missing nkill is unknown,
// not 0; GTD's -99 code is read as unknown too). Anything else must be a finite number >= 0;
// otherwise the error names the place: "attacks.csv:12: deaths: not a number: '12x'".
// Files that are not valid UTF-8 are read as Latin-1.
//
// Thread safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ftfwatch/status.h"

namespace ftf::severity {

struct Event {
  size_t line = 0;                    // 1-based line where the record starts
  int year = 0, month = 0, day = 0;   // 0 = unknown
  std::string country, attack_type, group, source;
  double deaths = 0, wounded = 0;     // NaN = unknown
};

enum class EventLayout { kSimple, kGtd, kPlain };
const char* EventLayoutName(EventLayout layout);  // "simple", "gtd", "plain"

struct EventFile {
  std::string name;  // for messages
  EventLayout layout = EventLayout::kSimple;
  std::vector<Event> events;
};

// Parses `text`; `name` appears in error messages.
Result<EventFile> ParseEvents(std::string_view text, const std::string& name);
// Reads and parses a file ("-" = standard input). IOError when it cannot be read.
Result<EventFile> ReadEvents(const std::string& path);

// The known values of one column ("deaths", "wounded" or "casualties" = deaths + wounded,
// unknown if either is) and what was left out.
struct ColumnValues {
  std::vector<double> values;        // known values, zeros included
  std::vector<size_t> lines;         // line of each value
  size_t unknown = 0;                // events whose value is unknown
  size_t zeros = 0;                  // known values equal to 0
};
Result<ColumnValues> ExtractColumn(const EventFile& file, const std::string& column);

// Whether to fit the values as discrete: `discrete` if given (then a fractional value is an
// error naming its line), else true exactly when every value is a whole number.
Result<bool> ResolveDiscrete(const EventFile& file, const std::string& column, const ColumnValues& values,
                             std::optional<bool> discrete);

// Parses a non-negative finite number (surrounding spaces allowed); `field` and `where`
// ("file:line") name it in the message.
Result<double> ParseCount(std::string_view text, std::string_view field, const std::string& where);

}  // namespace ftf::severity
