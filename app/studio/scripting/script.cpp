// Script parsing and execution (the actions themselves are in script_actions.cpp).
#include "app/studio/scripting/script.h"

#include <fstream>
#include <sstream>

namespace sta::studio {

namespace {

// Splits a line into words; "double quoted" words may hold spaces.
Words split_words(const std::string& line) {
  Words words;
  std::string word;
  bool quoted = false, has_word = false;
  for (char c : line) {
    if (c == '"') {
      quoted = !quoted;
      has_word = true;
    } else if (!quoted && (c == ' ' || c == '\t' || c == '\r')) {
      if (has_word) words.push_back(word);
      word.clear();
      has_word = false;
    } else {
      word += c;
      has_word = true;
    }
  }
  if (quoted) throw ScriptError("unbalanced double quote");
  if (has_word) words.push_back(word);
  return words;
}

const ScriptAction* find_action(const std::string& name) {
  for (const ScriptAction& action : script_actions())
    if (name == action.name) return &action;
  return nullptr;
}

}  // namespace

std::string script_usage() {
  std::string out;
  for (const ScriptAction& a : script_actions()) out += std::string("  ") + a.name + " " + a.usage + "\n";
  return out;
}

Script Script::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw ScriptError("script " + path + ": cannot be read");
  std::stringstream text;
  text << in.rdbuf();
  return parse(text.str(), path);
}

Script Script::parse(const std::string& text, const std::string& name) {
  Script script;
  std::istringstream in(text);
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    const std::string where = name + ":" + std::to_string(number) + ": `" + line + "`: ";
    Words words;
    try {
      words = split_words(line);
    } catch (const ScriptError& e) {
      throw ScriptError(where + e.what());
    }
    if (words.empty() || words.front()[0] == '#') continue;
    const ScriptAction* action = find_action(words.front());
    if (!action) throw ScriptError(where + "unknown action '" + words.front() + "'; known actions:\n" + script_usage());
    const int count = static_cast<int>(words.size()) - 1;
    if (count < action->min_args || count > action->max_args)
      throw ScriptError(where + "expected: " + action->name + " " + action->usage);
    script.lines_.push_back({name, number, line, action, Words(words.begin() + 1, words.end())});
  }
  return script;
}

void Script::append(const Script& more) { lines_.insert(lines_.end(), more.lines_.begin(), more.lines_.end()); }

int Script::run_until_wait(ScriptHost& host) {
  while (next_ < lines_.size()) {
    const Line& line = lines_[next_++];
    int frames = 0;
    try {
      frames = line.action->run(host, line.args);
    } catch (const std::exception& e) {
      throw ScriptError(line.source + ":" + std::to_string(line.number) + ": `" + line.text + "`: " + e.what());
    }
    if (frames > 0) return frames;
  }
  return 0;
}

}  // namespace sta::studio
