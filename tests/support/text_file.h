// Test helpers for text output: a whole file as a string, and how often a part occurs in a text.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace sta::test {

inline std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

inline int count_of(const std::string& text, const std::string& part) {
  int count = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

}  // namespace sta::test
