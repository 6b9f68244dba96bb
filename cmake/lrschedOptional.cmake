# Opt-in integration targets. Each is chosen by an option LRSCHED_<NAME> (LRSCHED_JSON,
# LRSCHED_FMT, LRSCHED_LOSS):
#   AUTO (default)  build the component if its package is found, else say so and go on
#   ON              the package is required: configuring fails, naming it, without it
#   OFF             never build the component (its package is not even looked for)
# A user of the core needs nothing but a C++20 compiler. The minimum versions are also what
# the installed lrschedConfig.cmake asks for when a consumer requests the component.
set(LRSCHED_NLOHMANN_JSON_MIN_VERSION 3.10)
set(LRSCHED_FMT_MIN_VERSION 9)
set(LRSCHED_CERES_MIN_VERSION 2.1)
set(LRSCHED_YAML_CPP_MIN_VERSION 0.7)

option(LRSCHED_JSON_HEADER_ONLY
  "lrsched::json without a library: every source file that includes the loader compiles it"
  OFF)

# lrsched_component(<name> <package> <minimum version> <package's target>
#                   HEADERS <headers>... [SOURCES <sources>...]):
# the target lrsched::<name> (lrsched_<name>, exported as <name>) that links the core and
# the package and owns <headers> as its header set. With SOURCES it is a static library
# compiled from them (the component's code compiled once, LRSCHED_SEPARATE_COMPILATION for
# its users), unless LRSCHED_<NAME>_HEADER_ONLY is ON; else an interface library.
function(lrsched_component name package version dependency)
  cmake_parse_arguments(PARSE_ARGV 4 arg "" "" "HEADERS;SOURCES")
  string(TOUPPER "${name}" upper)
  set(LRSCHED_${upper} AUTO CACHE STRING
    "Build lrsched::${name} (needs ${package} >= ${version}): AUTO, ON or OFF")
  set_property(CACHE LRSCHED_${upper} PROPERTY STRINGS AUTO ON OFF)
  string(TOUPPER "${LRSCHED_${upper}}" choice)
  if(choice STREQUAL "AUTO")
    set(required "")
  elseif(choice MATCHES "^(ON|YES|TRUE|Y|1)$")
    set(required REQUIRED)
  elseif(choice MATCHES "^(OFF|NO|FALSE|N|0|IGNORE|NOTFOUND|.*-NOTFOUND|)$")
    message(STATUS "lrsched: component ${name} off (LRSCHED_${upper}=${LRSCHED_${upper}})")
    return()
  else()
    message(FATAL_ERROR "LRSCHED_${upper} is \"${LRSCHED_${upper}}\": use AUTO, ON or OFF")
  endif()

  if(required AND CMAKE_DISABLE_FIND_PACKAGE_${package})
    message(FATAL_ERROR "LRSCHED_${upper}=ON asks for lrsched::${name}, which needs "
      "${package}, but CMAKE_DISABLE_FIND_PACKAGE_${package} is set")
  endif()
  find_package(${package} ${version} QUIET CONFIG)
  if(NOT ${package}_FOUND)
    if(required)
      message(FATAL_ERROR "LRSCHED_${upper}=ON: lrsched::${name} needs ${package} >= "
        "${version}, which was not found (set CMAKE_PREFIX_PATH or ${package}_DIR to its "
        "installation, or configure with -DLRSCHED_${upper}=OFF or AUTO)")
    endif()
    message(STATUS "lrsched: component ${name} not built (${package} >= ${version} not "
      "found; LRSCHED_${upper}=${LRSCHED_${upper}})")
    return()
  endif()

  if(arg_SOURCES AND NOT LRSCHED_${upper}_HEADER_ONLY)
    add_library(lrsched_${name} STATIC ${arg_SOURCES})
    target_link_libraries(lrsched_${name} PUBLIC lrsched ${dependency})
    target_compile_definitions(lrsched_${name} PUBLIC LRSCHED_SEPARATE_COMPILATION)
    target_compile_features(lrsched_${name} PUBLIC cxx_std_20)
    # A consumer may link it into a shared library of its own.
    # Its sources include every header of the set, so the set is not also compiled header
    # by header (CMAKE_VERIFY_INTERFACE_HEADER_SETS): for json that is 33 translation units
    # and about 9 CPU-minutes, each one compiling most of the loader again.
    set_target_properties(lrsched_${name} PROPERTIES POSITION_INDEPENDENT_CODE ON
      OUTPUT_NAME lrsched_${name} VERIFY_INTERFACE_HEADER_SETS OFF)
    if(LRSCHED_IS_TOP_LEVEL AND (LRSCHED_BUILD_TESTS OR LRSCHED_BUILD_EXAMPLES OR
        LRSCHED_BUILD_CLI OR LRSCHED_BUILD_BENCHMARKS OR LRSCHED_BUILD_FUZZERS))
      # lrsched's warnings (as errors in CI) and sanitizers, when it builds programs of its
      # own: a build that only installs the library, like a subproject's, compiles it with
      # the builder's flags alone, the same whichever way it is built.
      target_link_libraries(lrsched_${name} PRIVATE
        $<BUILD_INTERFACE:lrsched_project_options>)
    endif()
    set(scope PUBLIC)
    set(kind "compiled library")
  else()
    add_library(lrsched_${name} INTERFACE)
    target_link_libraries(lrsched_${name} INTERFACE lrsched ${dependency})
    set(scope INTERFACE)
    set(kind "header-only")
  endif()
  add_library(lrsched::${name} ALIAS lrsched_${name})
  lrsched_header_set(lrsched_${name} ${scope} ${arg_HEADERS})
  set_target_properties(lrsched_${name} PROPERTIES EXPORT_NAME ${name})
  message(STATUS "lrsched: component ${name} (${kind}, ${package} ${${package}_VERSION})")
endfunction()

# lrschedComponents.cmake lists the headers; src/config.cpp is the loader compiled once.
lrsched_component(json nlohmann_json ${LRSCHED_NLOHMANN_JSON_MIN_VERSION}
  nlohmann_json::nlohmann_json HEADERS ${LRSCHED_JSON_HEADERS}
  SOURCES "${PROJECT_SOURCE_DIR}/src/config.cpp")
lrsched_component(fmt fmt ${LRSCHED_FMT_MIN_VERSION} fmt::fmt HEADERS ${LRSCHED_FMT_HEADERS})
# YAML configs (lrsched/yaml.hpp) through yaml-cpp, on top of the JSON loaders.
if(TARGET lrsched_json)
  lrsched_component(yaml yaml-cpp ${LRSCHED_YAML_CPP_MIN_VERSION} "yaml-cpp;lrsched_json"
    HEADERS ${LRSCHED_YAML_HEADERS})
endif()
# Loss-curve laws and their fitting (lrsched/loss.hpp): the fit is a nonlinear least-squares
# problem solved with Ceres Solver.
lrsched_component(loss Ceres ${LRSCHED_CERES_MIN_VERSION} Ceres::ceres
  HEADERS ${LRSCHED_LOSS_HEADERS})
