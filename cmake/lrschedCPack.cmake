# Packages built from the build tree with CPack (no debian/ folder needed):
#   cpack -G DEB   -> liblrsched-dev_<version>-<revision>_<arch>.deb (headers, CMake package,
#                     lrsched.pc; copyright and changelog.Debian.gz in share/doc)
#   cpack -G TGZ   -> the same files as a tarball
# Only the development install component is packaged (never the command that
# LRSCHED_INSTALL_CLI adds). The package is architecture-independent when it holds headers
# only, and specific to the build's architecture when it holds the compiled lrsched::json
# (lib/liblrsched_json.a; not with LRSCHED_JSON_HEADER_ONLY or without nlohmann_json).
set(LRSCHED_PACKAGE_CONTACT "lrsched maintainers <maintainers@lrsched.invalid>" CACHE STRING
  "Maintainer written into packages built with CPack (Name <address>)")

set(CPACK_PACKAGE_NAME liblrsched-dev)
set(CPACK_PACKAGE_VENDOR "The lrsched authors")
set(CPACK_PACKAGE_CONTACT "${LRSCHED_PACKAGE_CONTACT}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
  "lrsched is a header-only C++20 library of learning-rate schedules. Every"
  "schedule evaluates any step directly, without iterated state, and sums over"
  "any step range in closed form."
  "This package holds the headers, the CMake package (find_package(lrsched),"
  "with the components json and fmt), the compiled config loader of the json"
  "component and the pkg-config file lrsched.pc.")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(LRSCHED_DEBIAN_REVISION 1 CACHE STRING
  "The Debian revision of the package built with cpack -G DEB (its version is <version>-<revision>)")
include(lrschedDebian)
lrsched_debian_docs(liblrsched-dev "${LRSCHED_DEBIAN_REVISION}" "${LRSCHED_PACKAGE_CONTACT}")
# The development files, and (in the .deb) its copyright file and changelog.
set(CPACK_INSTALL_CMAKE_PROJECTS "${PROJECT_BINARY_DIR};lrsched;lrsched_development;/"
  "${PROJECT_BINARY_DIR};lrsched;lrsched_debian;/")
set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/" "/out/" "/\\\\.cache/")

set(CPACK_DEBIAN_PACKAGE_NAME liblrsched-dev)
set(CPACK_DEBIAN_PACKAGE_RELEASE "${LRSCHED_DEBIAN_REVISION}")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
if(NOT _lrsched_compiled)
  set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE all)
endif()
set(CPACK_DEBIAN_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${LRSCHED_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
# The core needs only a C++20 compiler; the json and fmt components need these.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "libfmt-dev, nlohmann-json3-dev")

include(CPack)
