#!/usr/bin/env python3
"""Where the compiler's work goes in the generated module: its LLVM IR functions by kind, beside
swift-openapi-generator's output for an input of the same size.

    python3 Benchmarks/scripts/ir-breakdown.py [--size 100] [--scratch-path .build]

Generates both outputs as openapi-comparison.py does (into its packages under
Benchmarks/.build-openapi/compile-N), builds what each module depends on in debug, then emits each
module's IR without optimization (`swiftc -emit-ir -Onone -wmo`) and sorts every function it defines
by what its mangled name says it is: a value witness (copying, destroying, moving a value of a
type), a protocol witness thunk, an outlined copy or destroy, `==`, hashing, `Codable`, a property
accessor, type metadata, or the rest (the bodies of the declarations themselves: initializers,
reading and writing, switches). Prints the functions and IR lines of each kind, for both modules.
"""

import argparse
import importlib.util
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

KINDS = [
    ("value witnesses", re.compile(r"(wCP|wxx|wcp|wca|wtk|wta|wet|wst|wug|wup|wui)$")),
    ("protocol witness thunks", re.compile(r"TW[a-zA-Z]*$")),
    ("outlined copies and destroys", re.compile(r"WO[a-zA-Z]+$")),
    ("type metadata and witness table accessors", re.compile(r"(Ma|Mi|Mr|Wl|WL|Mn|Wa)$")),
    ("== (derived or written)", re.compile(r"(2eeoi|__derived_(struct|enum)_equals)")),
    ("hashing", re.compile(r"(4hash4into|9hashValue)")),
    ("Codable", re.compile(r"(6encode2to|4from)")),
    ("property accessors", re.compile(r"(v[gsMrx]|vpfi)$")),
]


def load_comparison():
    spec = importlib.util.spec_from_file_location("openapi_comparison", os.path.join(HERE, "openapi-comparison.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def functions(ir_path):
    """(mangled name, IR lines) of every function the IR file defines."""
    result = []
    name, lines = None, 0
    with open(ir_path) as ir:
        for line in ir:
            if line.startswith("define "):
                match = re.search(r'@"?([^"(\s]+)"?\(', line)
                name, lines = (match.group(1) if match else "?"), 1
            elif name is not None:
                lines += 1
                if line.startswith("}"):
                    result.append((name, lines))
                    name = None
    return result


def breakdown(defined):
    totals = {label: [0, 0] for label, _ in KINDS}
    totals["the declarations' own code"] = [0, 0]
    for name, lines in defined:
        label = next((label for label, pattern in KINDS if pattern.search(name)), "the declarations' own code")
        totals[label][0] += 1
        totals[label][1] += lines
    return totals


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=100)
    parser.add_argument("--scratch-path", default=".build", help="the main package's build folder, for cti-codegen")
    args = parser.parse_args()
    comparison = load_comparison()
    ours, theirs = comparison.build_tools(args.scratch_path)
    results = {}
    for name, package, module, sources, dependency in comparison.prepare_packages(ours, theirs, args.size):
        target = ["--target", dependency] if dependency else []
        comparison.run(["swift", "build", "-c", "debug", "--package-path", package] + target, stdout=subprocess.DEVNULL)
        files = sorted(os.path.join(sources, f) for f in os.listdir(sources) if f.endswith(".swift"))
        with tempfile.TemporaryDirectory() as scratch:
            ir = os.path.join(scratch, "module.ll")
            comparison.run(["swiftc", "-emit-ir", "-Onone", "-wmo", "-parse-as-library", "-swift-version", "6",
                            "-module-name", module, "-I", os.path.join(package, ".build", "debug", "Modules"),
                            "-o", ir] + files, stdout=subprocess.DEVNULL)
            results[name] = breakdown(functions(ir))
    names = list(results)
    print(f"LLVM IR functions of the generated module, {args.size:,} messages against {args.size:,} schemas "
          f"and {args.size // 2:,} operations (-Onone, whole module):")
    print("")
    print("| kind | " + " | ".join(f"{n}: functions | {n}: IR lines" for n in names) + " |")
    print("|---|" + "---:|" * (2 * len(names)))
    for label in results[names[0]]:
        cells = []
        for n in names:
            count, lines = results[n][label]
            total = sum(v[1] for v in results[n].values())
            cells += [f"{count:,}", f"{lines:,} ({lines / total:.0%})"]
        print(f"| {label} | " + " | ".join(cells) + " |")
    cells = []
    for n in names:
        cells += [f"{sum(v[0] for v in results[n].values()):,}", f"{sum(v[1] for v in results[n].values()):,}"]
    print("| **total** | " + " | ".join(f"**{c}**" for c in cells) + " |")


if __name__ == "__main__":
    main()
