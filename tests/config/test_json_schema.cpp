// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// The JSON Schema in docs/schema/ is the registry's own (generated), and every
// example config validates against it with a small validator for the part of
// JSON Schema draft 2020-12 the schema uses. To regenerate the file after adding
// a kind: LRSCHED_UPDATE_SCHEMA=1 ./test_json_schema
#include <lrsched/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "catch.hpp"

using nlohmann::ordered_json;

namespace {

const std::filesystem::path source_dir = std::filesystem::path(LRSCHED_TEST_DATA_DIR) / ".." / "..";
const std::filesystem::path schema_path = source_dir / "docs" / "schema" / "lrsched.schema.json";

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Validates an instance against a schema using: $schema, $id, title, description, default
/// (annotations), $ref (to "#/..." in the same document), $defs, oneOf, type, const, enum,
/// properties, required, additionalProperties (false or a schema), items, minItems, minimum.
/// Any other keyword is an error, so the schema cannot rely on something this ignores.
class validator {
 public:
  explicit validator(const ordered_json& root) : root_(root) {}

  /// The first violation found, or "" if `instance` is valid.
  std::string check(const ordered_json& instance) const { return check(root_, instance, ""); }

 private:
  std::string check(const ordered_json& schema, const ordered_json& instance,
                    const std::string& where) const {
    static const std::set<std::string> known = {"$schema",  "$id",
                                                "title",    "description",
                                                "default",  "$ref",
                                                "$defs",    "oneOf",
                                                "type",     "const",
                                                "enum",     "properties",
                                                "required", "additionalProperties",
                                                "items",    "minItems",
                                                "minimum"};
    for (const auto& [keyword, value] : schema.items()) {
      if (known.count(keyword) == 0) throw std::logic_error("unsupported keyword " + keyword);
    }
    if (schema.contains("$ref")) {
      const auto ref = schema["$ref"].get<std::string>();
      if (ref.rfind("#/", 0) != 0) throw std::logic_error("non-local $ref " + ref);
      const auto target = root_.at(ordered_json::json_pointer(ref.substr(1)));
      if (auto problem = check(target, instance, where); !problem.empty()) return problem;
    }
    if (schema.contains("type") && !has_type(instance, schema["type"].get<std::string>())) {
      return where + ": not of type " + schema["type"].get<std::string>();
    }
    if (schema.contains("const") && instance != schema["const"]) return where + ": not the const";
    if (schema.contains("enum")) {
      const auto& choices = schema["enum"];
      if (std::find(choices.begin(), choices.end(), instance) == choices.end()) {
        return where + ": not in enum";
      }
    }
    if (schema.contains("minimum") && instance.is_number() &&
        instance.get<double>() < schema["minimum"].get<double>()) {
      return where + ": below minimum";
    }
    if (instance.is_array()) {
      if (schema.contains("minItems") && instance.size() < schema["minItems"].get<std::size_t>()) {
        return where + ": too few items";
      }
      if (schema.contains("items")) {
        for (std::size_t k = 0; k < instance.size(); ++k) {
          if (auto problem = check(schema["items"], instance[k], where + "/" + std::to_string(k));
              !problem.empty()) {
            return problem;
          }
        }
      }
    }
    if (instance.is_object()) {
      if (schema.contains("required")) {
        for (const auto& key : schema["required"]) {
          if (!instance.contains(key.get<std::string>())) {
            return where + ": missing " + key.get<std::string>();
          }
        }
      }
      for (const auto& [key, value] : instance.items()) {
        const std::string at = where + "/" + key;
        if (schema.contains("properties") && schema["properties"].contains(key)) {
          if (auto problem = check(schema["properties"][key], value, at); !problem.empty()) {
            return problem;
          }
        } else if (schema.contains("additionalProperties")) {
          const auto& extra = schema["additionalProperties"];
          if (extra.is_boolean()) {
            if (!extra.get<bool>()) return at + ": additional property";
          } else if (auto problem = check(extra, value, at); !problem.empty()) {
            return problem;
          }
        }
      }
    }
    if (schema.contains("oneOf")) {
      int matches = 0;
      for (const auto& option : schema["oneOf"]) matches += check(option, instance, where).empty();
      if (matches != 1) {
        return where + ": matches " + std::to_string(matches) + " of oneOf, not exactly 1";
      }
    }
    return "";
  }

  static bool has_type(const ordered_json& j, const std::string& type) {
    if (type == "object") return j.is_object();
    if (type == "array") return j.is_array();
    if (type == "string") return j.is_string();
    if (type == "boolean") return j.is_boolean();
    if (type == "null") return j.is_null();
    if (type == "number") return j.is_number();
    if (type == "integer") {
      return j.is_number_integer() ||
             (j.is_number_float() && std::trunc(j.get<double>()) == j.get<double>());
    }
    throw std::logic_error("unknown type " + type);
  }

  const ordered_json& root_;
};

std::vector<std::filesystem::path> example_configs() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry :
       std::filesystem::directory_iterator(source_dir / "examples" / "configs")) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("the schema in docs/ is the one the registry generates") {
  const std::string generated = lrsched::json_schema().dump(2) + "\n";
  if (std::getenv("LRSCHED_UPDATE_SCHEMA") != nullptr) {
    std::ofstream(schema_path) << generated;
  }
  INFO("regenerate with LRSCHED_UPDATE_SCHEMA=1 ./test_json_schema");
  CHECK(read_file(schema_path) == generated);
}

TEST_CASE("every example config validates against the schema") {
  const auto schema = ordered_json::parse(read_file(schema_path));
  const validator v(schema);
  const auto files = example_configs();
  REQUIRE(!files.empty());
  for (const auto& file : files) {
    INFO(file.filename().string());
    CHECK(v.check(ordered_json::parse(read_file(file))) == "");
  }
}

TEST_CASE("canonical JSON written by the library validates against the schema") {
  const auto schema = lrsched::json_schema();
  const validator v(schema);
  for (const auto& file : example_configs()) {
    INFO(file.filename().string());
    CHECK(v.check(lrsched::to_ordered_json(lrsched::parse_schedule(read_file(file)))) == "");
  }
}

TEST_CASE("the validator rejects what the loader rejects for its shape") {
  const auto schema = lrsched::json_schema();
  const validator v(schema);
  const std::vector<std::pair<const char*, const char*>> bad = {
      {R"({"kind": "constant"})", ": matches 0 of oneOf, not exactly 1"},
      {R"({"kind": "constant", "value": 1, "extra": 2})", ": matches 0 of oneOf, not exactly 1"},
      {R"({"kind": "nope", "value": 1})", ": matches 0 of oneOf, not exactly 1"},
      {R"({"kind": "linear", "start_value": 0, "end_value": 1, "steps": -5})",
       ": matches 0 of oneOf, not exactly 1"},
      {R"({"kind": "linear", "start_value": 0, "end_value": 1, "steps": 3.5})",
       ": matches 0 of oneOf, not exactly 1"},
      {R"({"kind": "chain", "pieces": []})", ": matches 0 of oneOf, not exactly 1"},
      {R"([])", ": matches 0 of oneOf, not exactly 1"},
  };
  for (const auto& [text, problem] : bad) {
    INFO(text);
    CHECK(v.check(ordered_json::parse(text)) == problem);
    CHECK_THROWS_AS(lrsched::parse_schedule(text), lrsched::config_error);
  }
  // A bad value deep inside is found through $ref and oneOf.
  CHECK(v.check(ordered_json::parse(R"({"kind": "scale", "factor": 2, "schedule":
          {"kind": "linear", "start_value": 0, "end_value": 1, "steps": "10"}})")) != "");
  CHECK(v.check(ordered_json::parse(R"({"kind": "scale", "factor": 2, "schedule":
          {"kind": "linear", "start_value": 0, "end_value": 1, "steps": 1e5}})")) == "");
}

TEST_CASE("the schema lists every registered kind with its fields") {
  const auto schema = lrsched::json_schema();
  const auto& defs = schema["$defs"];
  CHECK(schema["$defs"]["schedule"]["oneOf"].size() == lrsched::config::kinds().entries().size());
  for (const auto& entry : lrsched::config::kinds().entries()) {
    INFO(entry.kind);
    const auto& def = defs.at("kind:" + entry.kind);
    CHECK(def["properties"].size() == entry.fields.size() + 1);
    for (const auto& f : entry.fields) {
      CHECK(def["properties"].contains(f.name));
      const auto& required = def["required"];
      CHECK((std::find(required.begin(), required.end(), f.name) != required.end()) ==
            f.required());
    }
  }
}
