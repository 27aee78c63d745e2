#include "extract/corpus_runner.h"

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "claims/claim_json.h"
#include "core/byte_search.h"

namespace ftf::extract {
namespace {

void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

int Hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Parses a JSON string at s[i] == '"'; sets i past the closing quote.
bool ParseString(std::string_view s, size_t& i, std::string* out) {
  ++i;
  out->clear();
  while (i < s.size()) {
    size_t start = i;
    i = FindAnyOf(s, i, '"', '\\', '"');
    out->append(s.substr(start, i - start));
    if (i >= s.size()) return false;
    if (s[i] == '"') {
      ++i;
      return true;
    }
    if (++i >= s.size()) return false;
    char e = s[i++];
    switch (e) {
      case '"': *out += '"'; break;
      case '\\': *out += '\\'; break;
      case '/': *out += '/'; break;
      case 'b': *out += '\b'; break;
      case 'f': *out += '\f'; break;
      case 'n': *out += '\n'; break;
      case 'r': *out += '\r'; break;
      case 't': *out += '\t'; break;
      case 'u': {
        auto hex4 = [&](uint32_t* v) {
          if (i + 4 > s.size()) return false;
          *v = 0;
          for (int k = 0; k < 4; ++k) {
            int h = Hex(s[i + k]);
            if (h < 0) return false;
            *v = *v * 16 + static_cast<uint32_t>(h);
          }
          i += 4;
          return true;
        };
        uint32_t cp;
        if (!hex4(&cp)) return false;
        if (cp >= 0xD800 && cp < 0xDC00 && i + 6 <= s.size() && s[i] == '\\' && s[i + 1] == 'u') {
          i += 2;
          uint32_t lo;
          if (!hex4(&lo)) return false;
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        }
        AppendUtf8(*out, cp);
        break;
      }
      default: return false;
    }
  }
  return false;
}

void SkipWs(std::string_view s, size_t& i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) ++i;
}

// Fast path: a flat object whose values are strings, numbers, true/false/null. Strings are
// decoded straight into the document's fields (their buffers are reused from line to line).
bool ParseFlat(std::string_view s, CorpusDoc* doc, std::string* key, std::string* other) {
  size_t i = 0;
  SkipWs(s, i);
  if (i >= s.size() || s[i] != '{') return false;
  ++i;
  SkipWs(s, i);
  if (i < s.size() && s[i] == '}') return true;
  while (i < s.size()) {
    SkipWs(s, i);
    if (i >= s.size() || s[i] != '"' || !ParseString(s, i, key)) return false;
    SkipWs(s, i);
    if (i >= s.size() || s[i] != ':') return false;
    ++i;
    SkipWs(s, i);
    if (i >= s.size()) return false;
    if (s[i] == '"') {
      size_t vstart = i;
      std::string* dst = *key == "date" ? &doc->date : *key == "source" ? &doc->source : *key == "text" ? &doc->text : other;
      if (!ParseString(s, i, dst)) return false;
      if (*key == "id") doc->id_json.assign(s.substr(vstart, i - vstart));
    } else if (s[i] == '{' || s[i] == '[') {
      return false;  // nested: use the full parser
    } else {
      size_t vstart = i;
      while (i < s.size() && s[i] != ',' && s[i] != '}' && s[i] != ' ') ++i;
      if (*key == "id") doc->id_json.assign(s.substr(vstart, i - vstart));
    }
    SkipWs(s, i);
    if (i < s.size() && s[i] == ',') {
      ++i;
      continue;
    }
    if (i < s.size() && s[i] == '}') return true;
    return false;
  }
  return false;
}

}  // namespace

Status ParseCorpusLine(std::string_view line, CorpusDoc* doc) {
  doc->id_json = "null";
  doc->date.clear();
  doc->source.clear();
  doc->text.clear();
  std::string key, other;
  if (ParseFlat(line, doc, &key, &other)) return Status::OK();
  nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Status::InvalidArgument("not a JSON object");
  doc->id_json = j.contains("id") ? j["id"].dump() : "null";
  doc->date.clear();
  doc->source.clear();
  if (auto it = j.find("date"); it != j.end() && it->is_string()) doc->date = *it;
  if (auto it = j.find("source"); it != j.end() && it->is_string()) doc->source = *it;
  if (auto it = j.find("text"); it != j.end() && it->is_string()) doc->text = *it;
  else return Status::InvalidArgument("no \"text\" string");
  return Status::OK();
}

Result<CorpusDoc> ParseCorpusLine(std::string_view line) {
  CorpusDoc doc;
  FTF_RETURN_IF_ERROR(ParseCorpusLine(line, &doc));
  return doc;
}

namespace {

// A batch of input lines and its output. Batches are recycled (BatchPool), so after the first
// few the reader and the workers allocate nothing and touch no fresh pages: reading into a
// buffer that keeps its capacity costs one copy, not an allocation, a zero fill and the page
// faults of a new 256 kB block per batch (they were a tenth of the run on the reader's thread).
struct Batch {
  int64_t seq = 0;
  int64_t lines = 0;            // lines in the input, counted by the worker
  std::unique_ptr<char[]> buf;  // whole lines, each ended by '\n' except perhaps the input's last
  size_t size = 0, cap = 0;
  std::string output;
  CorpusStats stats;
  std::vector<std::pair<int64_t, std::string>> errors;  // (line in the batch from 0, message)

  std::string_view data() const { return {buf.get(), size}; }
  // Room for `n` more bytes after `size`, keeping the bytes held (never zero-filled).
  char* Grow(size_t n) {
    if (size + n > cap) {
      const size_t new_cap = std::max(size + n, cap * 2);
      auto bigger = std::make_unique_for_overwrite<char[]>(new_cap);
      if (size) std::memcpy(bigger.get(), buf.get(), size);
      buf = std::move(bigger);
      cap = new_cap;
    }
    return buf.get() + size;
  }
  void Reset(int64_t s) {
    seq = s;
    lines = 0;
    size = 0;
    output.clear();
    stats = CorpusStats{};
    errors.clear();
  }
};

// Extracts the lines of `b` into its output.
void WorkOn(Batch& b, const ClaimExtractor& extractor, bool rerank) {
  CorpusDoc doc;  // its buffers are reused from line to line
  const std::string_view data = b.data();
  for (size_t start = 0; start < data.size(); ++b.lines) {
    size_t end = data.find('\n', start);
    if (end == std::string_view::npos) end = data.size();
    const std::string_view line = data.substr(start, end - start);
    start = end + 1;
    b.stats.bytes += static_cast<int64_t>(line.size()) + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    if (Status st = ParseCorpusLine(line, &doc); !st.ok()) {
      ++b.stats.errors;
      b.errors.push_back({b.lines, st.message()});
      b.output += "{\"id\":null,\"error\":" + nlohmann::json(st.message()).dump() + "}\n";
      continue;
    }
    ++b.stats.documents;
    ExtractOptions eo;
    eo.as_of = doc.date;
    eo.source_id = doc.source;
    eo.rerank = rerank;
    Extraction ex = extractor.Extract(doc.text, eo);
    if (ex.invalid_utf8_offset) ++b.stats.invalid_utf8;
    b.stats.claims += static_cast<int64_t>(ex.claims.size());
    b.output += "{\"id\":";
    b.output += doc.id_json;
    b.output += ",\"claims\":[";
    for (size_t c = 0; c < ex.claims.size(); ++c) {
      if (c) b.output += ',';
      AppendClaimJson(ex.claims[c], &b.output);
    }
    b.output += "]}\n";
  }
}

}  // namespace

Result<CorpusStats> RunCorpus(std::istream& in, std::ostream& out, const ClaimExtractor& extractor,
                              const CorpusOptions& opts) {
  int threads = opts.threads > 0 ? opts.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::mutex mu;
  std::condition_variable cv_work, cv_done;
  std::deque<std::unique_ptr<Batch>> todo;
  std::map<int64_t, std::unique_ptr<Batch>> done;
  std::vector<std::unique_ptr<Batch>> spare;  // written batches, for the reader to refill
  bool finished_reading = false;
  int64_t in_flight = 0;
  // Enough batches queued that a worker never waits for the writer to take the oldest one.
  const int64_t max_in_flight = 4 * threads;

  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      while (true) {
        std::unique_ptr<Batch> b;
        {
          std::unique_lock<std::mutex> lk(mu);
          cv_work.wait(lk, [&] { return !todo.empty() || finished_reading; });
          if (todo.empty()) return;
          b = std::move(todo.front());
          todo.pop_front();
        }
        WorkOn(*b, extractor, opts.rerank);
        {
          std::lock_guard<std::mutex> lk(mu);
          int64_t seq = b->seq;
          done[seq] = std::move(b);
        }
        cv_done.notify_all();
      }
    });
  }

  CorpusStats total;
  int64_t next_write = 0, lines_written = 0;
  auto drain = [&](bool all) {
    // Writes finished batches in order. Called by the reader thread.
    while (true) {
      std::unique_ptr<Batch> b;
      {
        std::unique_lock<std::mutex> lk(mu);
        if (all) {
          cv_done.wait(lk, [&] { return done.count(next_write) || in_flight == 0; });
        }
        auto it = done.find(next_write);
        if (it == done.end()) return;
        b = std::move(it->second);
        done.erase(it);
        --in_flight;
      }
      out.write(b->output.data(), static_cast<std::streamsize>(b->output.size()));
      total.documents += b->stats.documents;
      total.bytes += b->stats.bytes;
      total.claims += b->stats.claims;
      total.errors += b->stats.errors;
      total.invalid_utf8 += b->stats.invalid_utf8;
      if (opts.on_error)
        for (const auto& [ln, msg] : b->errors) opts.on_error(lines_written + 1 + ln, msg);
      lines_written += b->lines;
      if (opts.progress) opts.progress(total);
      ++next_write;
      spare.push_back(std::move(b));  // only the reader's thread touches `spare`
    }
  };

  // Reads blocks of about batch_bytes; a batch ends at the last line break read, and the bytes
  // after it (a line cut in two) start the next batch.
  int64_t seq = 0;
  std::string carry;
  bool eof = false;
  const size_t want = std::max<size_t>(opts.batch_bytes, 4096);
  while (!eof) {
    std::unique_ptr<Batch> b;
    if (spare.empty()) {
      b = std::make_unique<Batch>();
    } else {
      b = std::move(spare.back());
      spare.pop_back();
    }
    b->Reset(seq);
    std::memcpy(b->Grow(carry.size() + want), carry.data(), carry.size());
    b->size = carry.size();
    bool has_break = carry.find('\n') != std::string::npos;
    while (!eof && (b->size < opts.batch_bytes || !has_break)) {
      char* dst = b->Grow(want);
      in.read(dst, static_cast<std::streamsize>(want));
      const size_t got = static_cast<size_t>(in.gcount());
      b->size += got;
      if (got < want) eof = true;
      has_break = has_break || std::memchr(dst, '\n', got) != nullptr;
    }
    if (!eof) {
      const size_t cut = b->data().rfind('\n') + 1;
      carry.assign(b->data().substr(cut));
      b->size = cut;
    }
    if (b->size == 0) break;
    {
      std::unique_lock<std::mutex> lk(mu);
      ++in_flight;
      todo.push_back(std::move(b));
    }
    cv_work.notify_one();
    ++seq;
    drain(false);
    // Bound the work in flight: wait for the oldest batch before reading more.
    while (true) {
      {
        std::lock_guard<std::mutex> lk(mu);
        if (in_flight < max_in_flight) break;
      }
      {
        std::unique_lock<std::mutex> lk(mu);
        cv_done.wait(lk, [&] { return done.count(next_write) > 0; });
      }
      drain(false);
    }
  }
  {
    std::lock_guard<std::mutex> lk(mu);
    finished_reading = true;
  }
  cv_work.notify_all();
  while (next_write < seq) drain(true);
  for (auto& t : pool) t.join();
  out.flush();
  if (!out) return Status::IOError("writing the output failed");
  return total;
}

}  // namespace ftf::extract
