// Scripted driving of the real studio window (`sta-studio --script FILE`), for tests and reproducible
// pictures: one action per line, each a row of the table in script_actions.cpp.
#pragma once

#include "app/studio/compute/derived.h"
#include "app/studio/compute/workspace.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace sta::studio {

class TrainingSession;

class ScriptError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// What actions may ask of the running studio besides Workspace edits.
class ScriptHost {
 public:
  enum class Capture { Screenshot, State };

  virtual ~ScriptHost() = default;
  virtual Workspace& workspace() = 0;
  virtual Derived& derived() = 0;  // the model results the panels show
  // Writes a PNG of the window (or of one named panel) or the state JSON at the end of the
  // next frames drawn. Throws ScriptError for an unknown panel name.
  virtual void capture(Capture kind, const std::string& path, const std::string& panel = "") = 0;
  // The Workspace and the geometry of the last frame drawn, as `state` writes it.
  virtual nlohmann::json state() = 0;
  virtual void resize_window(int width, int height) = 0;
  virtual TrainingSession& training() = 0;
  // Draws frames until `ready` returns true (checked before each frame), then goes on with
  // the script; the script fails with "`what` after N s" when it takes over timeout_seconds.
  virtual void wait_until(std::function<bool()> ready, double timeout_seconds, const std::string& what) = 0;
};

using Words = std::vector<std::string>;

struct ScriptAction {
  const char* name;
  std::string usage;  // the arguments, e.g. "K on|off"
  int min_args, max_args;
  // Returns how many frames to draw before the next line (0: go on at once); throws
  // ScriptError for bad arguments or a failed check.
  std::function<int(ScriptHost& host, const Words& args)> run;
};

// The table of every action.
const std::vector<ScriptAction>& script_actions();
// One line per action: "name usage", for --help.
std::string script_usage();

// A script is one action per line (`#` starts a comment line; arguments with spaces go in double
// quotes), e.g.
//   data digits / model tiny.sta / sequence 5 / cursor 3 / toggle 1 off / part curl-free /
//   frames 10 / screenshot out.png / state out.json / assert cursor == 3 /
//   train start tiny 40 / train wait 20 / train save model.sta
// Actions edit the Workspace through the same functions the mouse uses. Edits that fail record an
// error in the Workspace, as in the UI, and the script goes on (check with `assert errors contains
// TEXT`); a malformed line, a failed assert or an unwritable file stops the script with
// "FILE:LINE: `line`: reason".
class Script {
 public:
  // Parses every line and checks names and argument counts up front; throws ScriptError
  // naming the file and line.
  static Script load(const std::string& path);
  static Script parse(const std::string& text, const std::string& name);
  void append(const Script& more);

  // Runs lines until one asks for frames to be drawn; returns that number, or 0 when the
  // script has ended. Throws ScriptError "NAME:LINE: `text`: reason" for a failing line.
  int run_until_wait(ScriptHost& host);
  bool finished() const { return next_ >= lines_.size(); }

 private:
  struct Line {
    std::string source;  // file name
    int number;
    std::string text;
    const ScriptAction* action;
    Words args;
  };
  std::vector<Line> lines_;
  size_t next_ = 0;
};

}  // namespace sta::studio
