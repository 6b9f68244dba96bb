"""Runs conanfile.py's own logic without Conan, which cannot be installed here.

A minimal stand-in for the few conan.* names the recipe imports lets CI check what does
not need a real Conan: the version read from include/lrsched/version.hpp, the
requirements per option, the files package() copies, and the targets package_info()
declares. It says nothing about Conan itself (profiles, CMakeDeps, the test_package).
Usage: python3 packaging/conan/check_recipe.py <expected version> <work dir>
"""

import fnmatch
import importlib.util
import os
import shutil
import sys
import types
from collections import defaultdict


def _copy(conanfile, pattern, src, dst):
    for folder, _, files in os.walk(src):
        for name in files:
            relative = os.path.relpath(os.path.join(folder, name), src)
            if fnmatch.fnmatch(relative, pattern):
                os.makedirs(os.path.dirname(os.path.join(dst, relative)), exist_ok=True)
                shutil.copy2(os.path.join(folder, name), os.path.join(dst, relative))


class _Info:
    def __init__(self):
        self.properties, self.requires = {}, []
        self.components = defaultdict(_Info)

    def set_property(self, key, value):
        self.properties[key] = value


def _stub_conan():
    modules = {name: types.ModuleType(name) for name in (
        "conan", "conan.tools", "conan.tools.build", "conan.tools.files", "conan.tools.layout")}
    modules["conan"].ConanFile = object
    modules["conan.tools.build"].check_min_cppstd = lambda conanfile, version: None
    modules["conan.tools.files"].copy = _copy
    modules["conan.tools.files"].load = lambda conanfile, path: open(path).read()
    modules["conan.tools.layout"].basic_layout = lambda conanfile: None
    sys.modules.update(modules)


def main(expected_version, work):
    _stub_conan()
    here = os.path.dirname(os.path.abspath(__file__))
    spec = importlib.util.spec_from_file_location("conanfile", os.path.join(here, "conanfile.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)

    failures = []
    for with_json in (False, True):
        for with_fmt in (False, True):
            recipe = module.LrschedConan()
            recipe.recipe_folder = here
            recipe.options = types.SimpleNamespace(with_json=with_json, with_fmt=with_fmt)
            recipe.set_version()
            if recipe.version != expected_version:
                failures.append(f"version {recipe.version}, expected {expected_version}")
            required = []
            recipe.requires = required.append
            recipe.requirements()
            expected = ["nlohmann_json"] * with_json + ["fmt"] * with_fmt
            if [r.split("/")[0] for r in required] != expected:
                failures.append(f"json={with_json} fmt={with_fmt}: requires {required}")
            recipe.cpp_info = _Info()
            recipe.package_info()
            case = f"json={with_json} fmt={with_fmt}"
            components = recipe.cpp_info.components
            targets = {c: i.properties["cmake_target_name"] for c, i in components.items()}
            wanted = {"core": "lrsched::lrsched"}
            wanted.update({"json": "lrsched::json"} if with_json else {})
            wanted.update({"fmt": "lrsched::fmt"} if with_fmt else {})
            if targets != wanted or recipe.cpp_info.properties["cmake_file_name"] != "lrsched":
                failures.append(f"{case}: targets {targets}")
            # CMakeDeps makes the root a target that links every component: a component with
            # the root's name would link itself.
            for key in ("cmake_target_name", "pkg_config_name"):
                root = recipe.cpp_info.properties[key]
                clashes = [c for c, i in components.items() if i.properties[key] == root]
                if clashes:
                    failures.append(f"{case}: the root's {key} {root} is also {clashes}'s")
            if components["core"].requires:
                failures.append(f"{case}: core requires {components['core'].requires}")
            for component, dependency in (("json", "nlohmann_json::nlohmann_json"),
                                          ("fmt", "fmt::fmt")):
                if component in components and components[component].requires != [
                        "core", dependency]:
                    failures.append(f"{case}: {component} requires "
                                    f"{components[component].requires}")

    recipe.export_sources_folder = os.path.join(work, "export")
    recipe.export_sources()
    recipe.source_folder = recipe.export_sources_folder
    recipe.package_folder = os.path.join(work, "package")
    recipe.package()
    packaged = sorted(os.path.relpath(os.path.join(d, f), recipe.package_folder)
                      for d, _, files in os.walk(recipe.package_folder) for f in files)
    headers = sorted(os.path.relpath(os.path.join(d, f), os.path.join(here, "..", ".."))
                     for d, _, files in os.walk(os.path.join(here, "..", "..", "include"))
                     for f in files if f.endswith(".hpp"))
    if packaged != sorted(headers + ["licenses/LICENSE"]):
        failures.append(f"package() made {packaged}")

    for failure in failures:
        print(f"conan recipe: FAILED {failure}")
    print(f"conan recipe: {len(packaged)} files packaged, {len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
