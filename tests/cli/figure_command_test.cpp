// `sta export fields|spikes` and SVG traversal strips on a TorchScript module with analytic fields.
#include "support/analytic_module.h"
#include "support/sta_cli.h"
#include "support/temp_dir.h"

#include <doctest/doctest.h>

#include <fstream>
#include <regex>
#include <sstream>

using namespace sta;

namespace {

// Counts the elements named `tag` (with `attribute` if not empty) by parsing the file with
// Python's XML parser: a file that is not well-formed XML fails the command.
int xml_elements(const std::string& path, const std::string& tag, const std::string& attribute = "") {
  const std::string filter = attribute.empty() ? "" : " if e.getAttribute('class') == '" + attribute + "'";
  const auto result = test::run_command("/usr/bin/python3 -c \"import sys, xml.dom.minidom as m; "
                                        "d = m.parse(sys.argv[1]); print(len([e for e in d.getElementsByTagName('" +
                                        tag + "')" + filter + "]))\" " + test::shell_quote(path));
  INFO(result.output);
  REQUIRE(result.exit_code == 0);
  return std::stoi(result.output);
}

}  // namespace

TEST_CASE("sta export fields and spikes write SVG figures of what the studio shows") {
  test::TempDir dir;
  const std::string model = dir.file("analytic.pt");
  test::analytic_module().save(model);
  const auto fields = test::sta_cli("export fields " + model +
                                    " --data fashion-mnist --part both --slice axes --axes 0,1 --out " + dir.file("f.svg"));
  INFO(fields.output);
  REQUIRE(fields.exit_code == 0);
  std::smatch match;
  REQUIRE(std::regex_search(fields.output, match, std::regex("(\\d+) streamlines \\(one <path> each\\) in 2 panels")));
  const int streamlines = std::stoi(match[1]);
  CHECK(streamlines > 10);
  CHECK(xml_elements(dir.file("f.svg"), "path") == streamlines);
  CHECK(xml_elements(dir.file("f.svg"), "g") == 2);

  const auto one = test::sta_cli("export fields " + model + " --data fashion-mnist --primitives 1 --part divergence-free "
                                 "--out " + dir.file("rotation.svg"));
  INFO(one.output);
  REQUIRE(one.exit_code == 0);
  CHECK(one.output.find("in 1 panels") != std::string::npos);
  std::ifstream rotation(dir.file("rotation.svg"));
  std::stringstream text;
  text << rotation.rdbuf();
  CHECK(text.str().find("stroke-dasharray") != std::string::npos);  // divergence-free parts are dashed

  const auto spikes = test::sta_cli("export spikes " + model + " --data fashion-mnist --sequence 2 --out " + dir.file("s.svg"));
  INFO(spikes.output);
  REQUIRE(spikes.exit_code == 0);
  CHECK(xml_elements(dir.file("s.svg"), "rect", "spike") == 8 * 2);

  if (STA_WITH_OPENCV) {  // a traversal strip: the input frame and N + 1 decoded frames, each an <image>
    const auto strip = test::sta_cli("export traversal " + model + " --data fashion-mnist --out " + dir.file("t.svg"));
    INFO(strip.output);
    REQUIRE(strip.exit_code == 0);
    CHECK(xml_elements(dir.file("t.svg"), "image") == 1 + 9);
  }

  test::check_one_line_error(test::sta_cli("export fields " + model + " --data fashion-mnist --part sideways --out " +
                                           dir.file("x.svg")),
                             "--part", "'sideways'");
  test::check_one_line_error(test::sta_cli("export fields " + model + " --data fashion-mnist --axes 0,9 --out " +
                                           dir.file("x.svg")),
                             "--axes", "0..3");
  test::check_one_line_error(test::sta_cli("export spikes " + model + " --data fashion-mnist --out " + dir.file("x.png")),
                             "x.png", ".svg");
}
