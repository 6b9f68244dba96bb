# Header-only: configure, install, move the CMake package to share/lrsched.
# This port builds the checkout it lives in, as an overlay port:
#   vcpkg install "lrsched[json,fmt]" --overlay-ports=<checkout>/packaging/vcpkg
# In a registry, SOURCE_PATH comes from vcpkg_from_github(... REF "v${VERSION}" ...).
get_filename_component(SOURCE_PATH "${CMAKE_CURRENT_LIST_DIR}/../.." ABSOLUTE)

set(VCPKG_BUILD_TYPE release) # header-only port

# A feature that is off must not pick up a dependency that happens to be installed.
vcpkg_check_features(OUT_FEATURE_OPTIONS FEATURE_OPTIONS
  INVERTED_FEATURES
    json CMAKE_DISABLE_FIND_PACKAGE_nlohmann_json
    fmt CMAKE_DISABLE_FIND_PACKAGE_fmt
)

vcpkg_cmake_configure(
  SOURCE_PATH "${SOURCE_PATH}"
  OPTIONS
    ${FEATURE_OPTIONS}
    -DLRSCHED_BUILD_TESTS=OFF
    -DLRSCHED_BUILD_EXAMPLES=OFF
    -DLRSCHED_BUILD_BENCHMARKS=OFF
    -DLRSCHED_INSTALL=ON
)
vcpkg_cmake_install()
vcpkg_cmake_config_fixup(CONFIG_PATH share/cmake/lrsched)
vcpkg_fixup_pkgconfig()

file(INSTALL "${CMAKE_CURRENT_LIST_DIR}/usage" DESTINATION "${CURRENT_PACKAGES_DIR}/share/${PORT}")
vcpkg_install_copyright(FILE_LIST "${SOURCE_PATH}/LICENSE")
