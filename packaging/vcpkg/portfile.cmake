# Header-only: configure, install, move the CMake package to share/lrsched.
# This port builds the checkout it lives in, as an overlay port:
#   vcpkg install "lrsched[json,fmt]" --overlay-ports=<checkout>/packaging/vcpkg
# In a registry, SOURCE_PATH comes from vcpkg_from_github(... REF "v${VERSION}" ...).
get_filename_component(SOURCE_PATH "${CMAKE_CURRENT_LIST_DIR}/../.." ABSOLUTE)

set(VCPKG_BUILD_TYPE release) # header-only port: lrsched::json in its header-only mode

# LRSCHED_JSON / LRSCHED_FMT are ON or OFF per feature: a feature asked for fails the build
# without its dependency, and one that is not never picks up a dependency that happens to
# be installed.
vcpkg_check_features(OUT_FEATURE_OPTIONS FEATURE_OPTIONS
  FEATURES
    json LRSCHED_JSON
    fmt LRSCHED_FMT
)

vcpkg_cmake_configure(
  SOURCE_PATH "${SOURCE_PATH}"
  OPTIONS
    ${FEATURE_OPTIONS}
    -DLRSCHED_BUILD_TESTS=OFF
    -DLRSCHED_BUILD_EXAMPLES=OFF
    -DLRSCHED_BUILD_BENCHMARKS=OFF
    -DLRSCHED_INSTALL=ON
    -DLRSCHED_LOSS=OFF
    -DLRSCHED_JSON_HEADER_ONLY=ON
)
vcpkg_cmake_install()
vcpkg_cmake_config_fixup(CONFIG_PATH share/cmake/lrsched)
vcpkg_fixup_pkgconfig()

file(INSTALL "${CMAKE_CURRENT_LIST_DIR}/usage" DESTINATION "${CURRENT_PACKAGES_DIR}/share/${PORT}")
vcpkg_install_copyright(FILE_LIST "${SOURCE_PATH}/LICENSE")
