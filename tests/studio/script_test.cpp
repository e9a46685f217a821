// The script language without a window: parsing (comments, quotes, unknown actions, argument
// counts, each error naming file and line) and the `assert` comparisons on a state JSON.
#include "app/studio/scripting/script.h"
#include "app/studio/scripting/script_assert.h"
#include "support/error_message.h"

#include <doctest/doctest.h>

using sta::studio::check_assertion;
using sta::studio::Script;
using sta::studio::ScriptError;
using sta::test::error_message;

TEST_CASE("scripts skip comments and blank lines and keep quoted arguments whole") {
  CHECK_NOTHROW(Script::parse("# a comment\n\n  cursor 3\nscreenshot \"my shot.png\"\n", "s.txt"));
  const std::string message =
      error_message<ScriptError>([] { Script::parse("cursor 1\nscreenshot \"a b.png\" fields extra\n", "s.txt"); });
  CHECK(message.find("s.txt:2") != std::string::npos);  // the quoted name is one word, `extra` one too many
  CHECK(message.find("expected: screenshot FILE.png [PANEL]") != std::string::npos);
}

TEST_CASE("unknown actions, wrong argument counts and open quotes are errors naming file and line") {
  const std::string unknown = error_message<ScriptError>([] { Script::parse("frames 2\n\nzoomm 3\n", "run.txt"); });
  CHECK(unknown.find("run.txt:3") != std::string::npos);
  CHECK(unknown.find("unknown action 'zoomm'") != std::string::npos);
  CHECK(unknown.find("zoom FACTOR") != std::string::npos);  // lists the actions it knows

  const std::string count = error_message<ScriptError>([] { Script::parse("toggle 1\n", "run.txt"); });
  CHECK(count.find("run.txt:1") != std::string::npos);
  CHECK(count.find("toggle K on|off") != std::string::npos);

  const std::string quote = error_message<ScriptError>([] { Script::parse("data \"idx:/a b\n", "run.txt"); });
  CHECK(quote.find("unbalanced double quote") != std::string::npos);

  CHECK(error_message<ScriptError>([] { Script::load("/nonexistent/script.txt"); }).find("/nonexistent/script.txt") !=
        std::string::npos);
}

TEST_CASE("assert compares numbers as numbers, text as text, and finds text in arrays") {
  const nlohmann::json state = {{"cursor", 3},
                                {"fields", {{"part", "curl-free"}, {"density", 1.5}}},
                                {"errors", {"model x.sta: bad magic", "other"}},
                                {"enabled", {true, false}}};
  CHECK_NOTHROW(check_assertion(state, "cursor", "==", "3"));
  CHECK_NOTHROW(check_assertion(state, "cursor", "==", "3.0"));
  CHECK_NOTHROW(check_assertion(state, "cursor", "<", "4"));
  CHECK_NOTHROW(check_assertion(state, "fields.part", "==", "curl-free"));
  CHECK_NOTHROW(check_assertion(state, "fields.density", ">=", "1.5"));
  CHECK_NOTHROW(check_assertion(state, "errors", "contains", "bad magic"));
  CHECK_NOTHROW(check_assertion(state, "errors.size", "==", "2"));
  CHECK_NOTHROW(check_assertion(state, "enabled.1", "==", "false"));

  const std::string failed = error_message<ScriptError>([&] { check_assertion(state, "cursor", "==", "4"); });
  CHECK(failed.find("cursor is 3, expected == 4") != std::string::npos);
  CHECK(error_message<ScriptError>([&] { check_assertion(state, "errors", "contains", "absent"); }) !=
        "<nothing thrown>");
  CHECK(error_message<ScriptError>([&] { check_assertion(state, "fields.colour", "==", "x"); }).find("no 'colour'") !=
        std::string::npos);
  CHECK(error_message<ScriptError>([&] { check_assertion(state, "fields.part", "<", "3"); }).find("compares numbers") !=
        std::string::npos);
  CHECK(error_message<ScriptError>([&] { check_assertion(state, "cursor", "=~", "3"); }).find("unknown comparison") !=
        std::string::npos);
}
