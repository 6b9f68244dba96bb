#!/usr/bin/env python3
"""Checks that lrsched's headers include only headers of their own layer or lower.

The layers, bottom to top (docs/design.md draws them):

  0 core       include/lrsched/*.hpp (families, combinators, protocol) and detail/
  1 peers      peers/ and peers.hpp (peer-faithful constructors)
  2 config     config/ (the kind registry and every kind; standard library only)
  3 json       json/, json.hpp (the canonical JSON reader and writer)
  4 dialects   dialects/, dialects.hpp, src.hpp (the peers' config formats)
  5 yaml       yaml.hpp, yaml/ (YAML text into the dialects' JSON tree)

Integrations sit on the core: fmt.hpp, torch.hpp, and loss.hpp with loss/ (layer
"integration", which may include the core and the peers, and third-party headers). Two further rules:
  - detail/ is the bottom of the core: its headers include only the standard library,
    other detail/ headers and error.hpp (the error type every validation throws). detail/any_chain.hpp is the one exception (it completes
    any_schedule.hpp, which includes it at its end).
  - the core, peers and config include no third-party header (nlohmann, fmt, torch).

Usage: check_layers.py [INCLUDE_DIR]        check the tree (default: ./include)
       check_layers.py --self-test          show that a wrong include is caught
Exit 0 when every include points down or sideways, 1 with one line per violation.
"""
import pathlib
import re
import shutil
import sys
import tempfile

ORDER = {"core": 0, "peers": 1, "config": 2, "json": 3, "dialects": 4, "yaml": 5}
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)
THIRD_PARTY = ("nlohmann/", "fmt/", "torch/", "ATen/", "c10/", "yaml-cpp/", "ceres/")
DETAIL_EXCEPTIONS = {"detail/any_chain.hpp"}
DETAIL_MAY_INCLUDE = {"error.hpp"}  # the error type every validation throws


def layer_of(rel: str) -> str:
    """The layer of a header, from its path below include/lrsched/."""
    top = rel.split("/", 1)[0]
    if rel in ("fmt.hpp", "torch.hpp", "loss.hpp") or rel.startswith("loss/"):
        return "integration"
    if top in ("peers", "peers.hpp"):
        return "peers"
    if top == "config":
        return "config"
    if top in ("json", "json.hpp"):
        return "json"
    if top in ("dialects", "dialects.hpp", "src.hpp"):
        return "dialects"
    if top in ("yaml", "yaml.hpp"):
        return "yaml"
    return "core"


def violations(include_dir: pathlib.Path):
    root = include_dir / "lrsched"
    found = []
    for header in sorted(root.rglob("*.hpp")):
        rel = header.relative_to(root).as_posix()
        layer = layer_of(rel)
        # Includes in comments (/// @code examples) are not includes.
        text = "\n".join(line for line in header.read_text().splitlines()
                         if not line.lstrip().startswith("//"))
        for quote, target in INCLUDE.findall(text):
            where = f"include/lrsched/{rel}"
            if target.startswith(THIRD_PARTY):
                if layer in ("core", "peers", "config"):
                    found.append(f"{where}: the {layer} layer includes <{target}>")
                continue
            if quote == '"':
                found.append(f"{where}: relative include \"{target}\" (write <lrsched/...>)")
                continue
            if not target.startswith("lrsched/"):
                continue
            target_rel = target[len("lrsched/"):]
            if not (root / target_rel).exists():
                found.append(f"{where}: includes <{target}>, which does not exist")
                continue
            target_layer = layer_of(target_rel)
            if rel.startswith("detail/") and rel not in DETAIL_EXCEPTIONS and \
                    not target_rel.startswith("detail/") and target_rel not in DETAIL_MAY_INCLUDE:
                found.append(f"{where}: detail/ includes <{target}> from above it")
            elif layer == "integration":
                same_component = rel.startswith("loss") and target_rel.startswith("loss")
                if target_layer not in ("core", "peers") and not same_component:
                    found.append(f"{where}: an integration includes <{target}> "
                                 f"({target_layer} layer)")
            elif target_layer == "integration":
                found.append(f"{where}: includes the integration <{target}>")
            elif ORDER[target_layer] > ORDER[layer]:
                found.append(f"{where}: the {layer} layer includes <{target}> "
                             f"from the higher {target_layer} layer")
    return found


def self_test(include_dir: pathlib.Path) -> int:
    """Copies the tree, adds one upward include to a family header, and expects exactly
    that violation to be reported."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = pathlib.Path(tmp) / "include"
        shutil.copytree(include_dir, copy)
        victim = copy / "lrsched" / "cosine.hpp"
        text = victim.read_text()
        marker = "#include <lrsched/detail/numeric.hpp>\n"
        if marker not in text:
            print("check_layers self-test: cosine.hpp no longer includes detail/numeric.hpp; "
                  "pick another line to plant the wrong include after")
            return 1
        victim.write_text(text.replace(marker, marker + "#include <lrsched/config/registry.hpp>\n", 1))
        found = violations(copy)
        expected = ("include/lrsched/cosine.hpp: the core layer includes "
                    "<lrsched/config/registry.hpp> from the higher config layer")
        if found != [expected]:
            print("check_layers self-test: expected exactly\n  " + expected + "\ngot:")
            print("\n".join("  " + line for line in found) or "  (nothing)")
            return 1
        print("check_layers self-test: a planted include of config/registry.hpp in "
              "cosine.hpp is reported:\n  " + found[0])
        return 0


def main(argv) -> int:
    args = [a for a in argv[1:] if a != "--self-test"]
    include_dir = pathlib.Path(args[0] if args else "include")
    if not (include_dir / "lrsched").is_dir():
        print(f"check_layers: no lrsched/ below {include_dir}")
        return 1
    if "--self-test" in argv:
        return self_test(include_dir)
    found = violations(include_dir)
    for line in found:
        print(line)
    count = sum(1 for _ in (include_dir / "lrsched").rglob("*.hpp"))
    print(f"check_layers: {count} headers, {len(found)} include(s) against the layers")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
