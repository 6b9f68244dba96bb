# Which headers belong to which target. The core target owns every header not listed
# here; each opt-in component owns its own (and links its dependency), so a consumer of
# the core never includes a header that needs nlohmann_json or fmt.
set(_lrsched_include "${PROJECT_SOURCE_DIR}/include/lrsched")

# lrsched::json: the canonical JSON reader and writer, the kind registry they fill, and the
# peers' config dialects.
file(GLOB_RECURSE LRSCHED_JSON_HEADERS CONFIGURE_DEPENDS
  "${_lrsched_include}/config/*.hpp" "${_lrsched_include}/json/*.hpp"
  "${_lrsched_include}/dialects/*.hpp")
list(APPEND LRSCHED_JSON_HEADERS "${_lrsched_include}/json.hpp"
  "${_lrsched_include}/dialects.hpp")

# lrsched::yaml: YAML configs in every dialect, read into the JSON loaders' tree (yaml-cpp).
file(GLOB LRSCHED_YAML_HEADERS CONFIGURE_DEPENDS "${_lrsched_include}/yaml/*.hpp")
list(APPEND LRSCHED_YAML_HEADERS "${_lrsched_include}/yaml.hpp")

# lrsched::fmt: fmt::formatter for schedules.
set(LRSCHED_FMT_HEADERS "${_lrsched_include}/fmt.hpp")

# lrsched::loss: the loss-curve laws, their fitting (Ceres Solver) and the schedule search.
file(GLOB LRSCHED_LOSS_HEADERS CONFIGURE_DEPENDS "${_lrsched_include}/loss/*.hpp")
list(APPEND LRSCHED_LOSS_HEADERS "${_lrsched_include}/loss.hpp")

# In no header set (installed all the same): see the top-level CMakeLists.txt.
set(LRSCHED_UNSET_HEADERS "${_lrsched_include}/torch.hpp" "${_lrsched_include}/src.hpp")
