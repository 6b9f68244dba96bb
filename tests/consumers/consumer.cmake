# Shared by the consumer projects: the one test program, built with warnings as errors.
set(LRSCHED_CONSUMER_SOURCE "${CMAKE_CURRENT_LIST_DIR}/consumer.cpp")

# lrsched_consumer(<name> [COMPONENTS] [VERSION <M.m.p>] LIBRARIES <targets>...)
# With COMPONENTS it links lrsched::json and lrsched::fmt too; if LRSCHED_CONSUMER_JSON is
# "compiled" or "header-only", lrsched::json must be in that mode (checked by CMake from
# the target's type and by the compiler from LRSCHED_SEPARATE_COMPILATION).
set(LRSCHED_CONSUMER_JSON "" CACHE STRING "the lrsched::json mode expected: compiled, header-only")
function(lrsched_consumer name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "COMPONENTS" "VERSION" "LIBRARIES")
  add_executable(${name} "${LRSCHED_CONSUMER_SOURCE}")
  target_link_libraries(${name} PRIVATE ${arg_LIBRARIES})
  if(arg_COMPONENTS)
    target_link_libraries(${name} PRIVATE lrsched::json lrsched::fmt)
    target_compile_definitions(${name} PRIVATE LRSCHED_CONSUMER_COMPONENTS)
    if(LRSCHED_CONSUMER_JSON)
      get_target_property(type lrsched::json TYPE)
      if(LRSCHED_CONSUMER_JSON STREQUAL "compiled" AND type STREQUAL "STATIC_LIBRARY")
        target_compile_definitions(${name} PRIVATE LRSCHED_CONSUMER_JSON_COMPILED=1)
      elseif(LRSCHED_CONSUMER_JSON STREQUAL "header-only" AND type STREQUAL "INTERFACE_LIBRARY")
        target_compile_definitions(${name} PRIVATE LRSCHED_CONSUMER_JSON_COMPILED=0)
      else()
        message(FATAL_ERROR "lrsched::json is a ${type}, expected ${LRSCHED_CONSUMER_JSON}")
      endif()
    endif()
  endif()
  if(arg_VERSION)
    target_compile_definitions(${name} PRIVATE
      LRSCHED_CONSUMER_EXPECTED_VERSION="${arg_VERSION}")
  endif()
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${name} PRIVATE -Wall -Wextra -Wpedantic -Wconversion -Wshadow
      -Werror)
  endif()
endfunction()

# A parent that adds lrsched's source tree (add_subdirectory, FetchContent) must get the
# library targets and nothing else: no tests, no examples, no install rules. Sets
# lrsched_VERSION to the subproject's version.
function(lrsched_consumer_check_subproject source_dir)
  foreach(target IN ITEMS test_linear test_chain test_core_only example_demo)
    if(TARGET ${target})
      message(FATAL_ERROR "lrsched as a subproject defined its own target ${target}")
    endif()
  endforeach()
  get_property(subdirectories DIRECTORY "${source_dir}" PROPERTY SUBDIRECTORIES)
  if(subdirectories)
    message(FATAL_ERROR "lrsched as a subproject added directories: ${subdirectories}")
  endif()
  if(LRSCHED_BUILD_TESTS OR LRSCHED_BUILD_EXAMPLES OR LRSCHED_INSTALL)
    message(FATAL_ERROR "lrsched as a subproject turned on its tests, examples or install")
  endif()
  if(NOT TARGET lrsched::lrsched)
    message(FATAL_ERROR "lrsched as a subproject defined no lrsched::lrsched")
  endif()
  get_directory_property(version DIRECTORY "${source_dir}" DEFINITION PROJECT_VERSION)
  set(lrsched_VERSION "${version}" PARENT_SCOPE)
endfunction()
