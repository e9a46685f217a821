// A command-line option whose value is one of an enum's names (core/util/enum_names.h): checked
// by CLI11's IsMember as the words themselves (same help and errors), stored as the enum.
#pragma once

#include "core/util/enum_names.h"

#include <CLI/CLI.hpp>

#include <string>

namespace sta::cli {

// `target` holds the default and must outlive the parse.
template <class E>
CLI::Option* add_enum_option(CLI::App* app, const std::string& name, E& target, const std::string& description) {
  return app
      ->add_option_function<std::string>(
          name, [&target](const std::string& text) { target = *util::parse_name<E>(text); }, description)
      ->check(CLI::IsMember(util::name_list<E>()))
      ->default_str(util::name_of(target));
}

}  // namespace sta::cli
