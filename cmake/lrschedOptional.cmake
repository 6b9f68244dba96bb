# Opt-in integration targets. Each exists only when its dependency is found, so a
# user of the core needs nothing but a C++20 compiler. The minimum versions are also what
# the installed lrschedConfig.cmake asks for when a consumer requests the component.
set(LRSCHED_NLOHMANN_JSON_MIN_VERSION 3.10)
set(LRSCHED_FMT_MIN_VERSION 9)
set(LRSCHED_CERES_MIN_VERSION 2.1)
set(LRSCHED_YAML_CPP_MIN_VERSION 0.7)

# lrsched_component(<name> <package> <minimum version> <package's target> <headers>...):
# the target lrsched::<name> (lrsched_<name>, exported as <name>) that links the core and
# the package, and owns <headers> as its header set; nothing when the package is missing.
function(lrsched_component name package version dependency)
  find_package(${package} ${version} QUIET CONFIG)
  if(NOT ${package}_FOUND)
    return()
  endif()
  add_library(lrsched_${name} INTERFACE)
  add_library(lrsched::${name} ALIAS lrsched_${name})
  target_link_libraries(lrsched_${name} INTERFACE lrsched ${dependency})
  target_sources(lrsched_${name} INTERFACE FILE_SET HEADERS
    BASE_DIRS "${PROJECT_SOURCE_DIR}/include" FILES ${ARGN})
  set_target_properties(lrsched_${name} PROPERTIES EXPORT_NAME ${name})
endfunction()

lrsched_component(json nlohmann_json ${LRSCHED_NLOHMANN_JSON_MIN_VERSION}
  nlohmann_json::nlohmann_json ${LRSCHED_JSON_HEADERS})
lrsched_component(fmt fmt ${LRSCHED_FMT_MIN_VERSION} fmt::fmt ${LRSCHED_FMT_HEADERS})
# YAML configs (lrsched/yaml.hpp) through yaml-cpp, on top of the JSON loaders.
if(TARGET lrsched_json)
  lrsched_component(yaml yaml-cpp ${LRSCHED_YAML_CPP_MIN_VERSION} "yaml-cpp;lrsched_json"
    ${LRSCHED_YAML_HEADERS})
endif()
# Loss-curve laws and their fitting (lrsched/loss.hpp): the fit is a nonlinear least-squares
# problem solved with Ceres Solver.
lrsched_component(loss Ceres ${LRSCHED_CERES_MIN_VERSION} Ceres::ceres ${LRSCHED_LOSS_HEADERS})
