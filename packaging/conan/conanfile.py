"""Conan 2 recipe for lrsched, a header-only C++20 library.

Create the package from a checkout (the recipe exports the headers it sits above):
    conan create packaging/conan -o "lrsched/*:with_json=True" -o "lrsched/*:with_fmt=True"
"""

import os
import re

from conan import ConanFile
from conan.tools.build import check_min_cppstd
from conan.tools.files import copy, load
from conan.tools.layout import basic_layout

required_conan_version = ">=2.0"

# The repository root, seen from this recipe's folder (packaging/conan/).
_ROOT = os.path.join("..", "..")


class LrschedConan(ConanFile):
    name = "lrsched"
    description = "Header-only C++20 learning-rate schedules with exact summed LR"
    license = "MIT"
    url = "https://github.com/lrsched/lrsched"
    homepage = "https://github.com/lrsched/lrsched"
    topics = ("machine-learning", "learning-rate", "scheduler", "header-only")
    package_type = "header-library"
    settings = "os", "arch", "compiler", "build_type"
    options = {
        "with_json": [True, False],  # lrsched::json, needs nlohmann_json
        "with_fmt": [True, False],  # lrsched::fmt, needs fmt
    }
    default_options = {
        "with_json": False,
        "with_fmt": False,
    }
    no_copy_source = True

    def set_version(self):
        # include/lrsched/version.hpp is the single source of the version.
        header = load(
            self, os.path.join(self.recipe_folder, _ROOT, "include", "lrsched", "version.hpp")
        )
        self.version = ".".join(
            re.search(rf"#define LRSCHED_VERSION_{part} (\d+)", header).group(1)
            for part in ("MAJOR", "MINOR", "PATCH")
        )

    def export_sources(self):
        root = os.path.join(self.recipe_folder, _ROOT)
        copy(self, "LICENSE", root, self.export_sources_folder)
        copy(self, "*.hpp", os.path.join(root, "include"),
             os.path.join(self.export_sources_folder, "include"))

    def layout(self):
        basic_layout(self)

    def requirements(self):
        # Dependencies of a header-library are transitive: its headers include theirs.
        if self.options.with_json:
            self.requires("nlohmann_json/[>=3.10 <4]")
        if self.options.with_fmt:
            self.requires("fmt/[>=9 <12]")

    def validate(self):
        check_min_cppstd(self, 20)

    def build(self):
        pass

    def package(self):
        copy(self, "LICENSE", self.source_folder, os.path.join(self.package_folder, "licenses"))
        copy(self, "*.hpp", os.path.join(self.source_folder, "include"),
             os.path.join(self.package_folder, "include"))

    def package_info(self):
        # The same target and pkg-config names as the installed CMake package and
        # lrsched.pc: lrsched::lrsched is the core alone, lrsched::json and lrsched::fmt are
        # the components. The root (which CMakeDeps makes into a target that links every
        # component) gets a name no component has, so no target links itself and
        # lrsched::lrsched never brings nlohmann_json or fmt along.
        self.cpp_info.set_property("cmake_file_name", "lrsched")
        self.cpp_info.set_property("cmake_target_name", "lrsched::all")
        self.cpp_info.set_property("pkg_config_name", "lrsched-all")
        self.cpp_info.bindirs = []
        self.cpp_info.libdirs = []

        core = self.cpp_info.components["core"]
        core.set_property("cmake_target_name", "lrsched::lrsched")
        core.set_property("pkg_config_name", "lrsched")
        core.requires = []  # the standard library only
        core.bindirs = []
        core.libdirs = []
        # Header-only, as the package is: the loader is compiled where json.hpp is included
        # (the CMake build's LRSCHED_JSON_HEADER_ONLY mode).
        optional = (("json", self.options.with_json, "nlohmann_json::nlohmann_json"),
                    ("fmt", self.options.with_fmt, "fmt::fmt"))
        for component, enabled, dependency in optional:
            if not enabled:
                continue
            info = self.cpp_info.components[component]
            info.set_property("cmake_target_name", f"lrsched::{component}")
            info.set_property("pkg_config_name", f"lrsched-{component}")
            info.requires = ["core", dependency]
            info.bindirs = []
            info.libdirs = []
