#!/usr/bin/env python3
"""cti-codegen beside swift-openapi-generator on inputs of the same size: the generator's time and the
cost of compiling what each generates.

    python3 Benchmarks/scripts/openapi-comparison.py [--compile-size 100] [--configuration debug release]
        [--compile-runs 3] [--generator-size 1000] [--generator-runs 10] [--skip-compile] [--skip-generator]

The same size means: a synthetic spec of N messages (synthetic-spec.py: the session chapter's mix, half
queries and requests with their responses, half events, bodies of 3 to 12 members) against an OpenAPI 3.1
document of N schemas of 8 properties each (a string, an optional string, an integer, a number, a boolean,
a string enum, a nested object and an array of objects) and N/2 POST operations whose request body and 200
response reference two of them. swift-openapi-generator 1.14.3 generates `--mode types --mode server`
with public access; cti-codegen generates the code without tests, public.

The generator: hyperfine runs both commands side by side (each run writes into an emptied folder) and
reports each median and the ratio.

Compiling: each output becomes the only target of a package of its own (cti-codegen's with CTIRuntime from
this repository; swift-openapi-generator's with swift-openapi-runtime 1.13.4 and swift-http-types 1.8.0).
Dependencies are built first; then, for each configuration, the two modules are compiled from scratch
(their build products deleted, as compile-cost.py does) in turns, --compile-runs times each, and the
medians of wall time, CPU time and the largest process's memory are compared.

swift-openapi-generator is built once, in release, from the package mirror into Benchmarks/.build-openapi
(ignored by git like every .build folder).
"""

import argparse
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
WORK = os.path.join(ROOT, "Benchmarks", ".build-openapi")


def load_compile_cost():
    spec = importlib.util.spec_from_file_location("compile_cost", os.path.join(HERE, "compile-cost.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


compile_cost = load_compile_cost()
run = compile_cost.run

GENERATOR_PACKAGE = """// swift-tools-version: 6.2
// Written by Benchmarks/scripts/openapi-comparison.py: builds swift-openapi-generator's command-line tool.
import PackageDescription

let package = Package(
    name: "openapi-generator-tool",
    dependencies: [.package(url: "https://github.com/apple/swift-openapi-generator", exact: "1.14.3")],
    targets: [.target(name: "Placeholder", path: "Placeholder")]
)
"""

OPENAPI_PACKAGE = """// swift-tools-version: 6.0
// Written by Benchmarks/scripts/openapi-comparison.py: swift-openapi-generator's output, compiled alone.
import PackageDescription

let package = Package(
    name: "openapi-messages",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-openapi-runtime", exact: "1.13.4"),
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
    ],
    targets: [
        .target(
            name: "OpenAPIMessages",
            dependencies: [
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
"""


def openapi_document(schemas):
    """An OpenAPI 3.1 document (JSON, which is YAML too) of `schemas` schemas and schemas/2 operations."""
    components = {}
    for index in range(schemas):
        components[f"Thing{index}"] = {
            "type": "object",
            "description": f"A synthetic schema, number {index}.",
            "required": ["id", "count", "active", "ratio", "status", "details", "items"],
            "properties": {
                "id": {"type": "string", "description": "Identifier the bridge uses to reference the object"},
                "note": {"type": "string", "description": "The name shown to the agent in the desktop"},
                "count": {"type": "integer", "description": "How many items the agent may hold at the same time"},
                "ratio": {"type": "number", "description": "Platform specific value from the configuration server"},
                "active": {"type": "boolean", "description": "True if the agent is configured to handle this media"},
                "status": {"type": "string", "enum": ["READY", "NOT_READY", "BUSY", "WRAP"], "description": "The state"},
                "details": {
                    "type": "object",
                    "description": "A nested object",
                    "required": ["code"],
                    "properties": {
                        "code": {"type": "string", "description": "The code the platform reports for this reason"},
                        "level": {"type": "integer", "description": "A level"},
                        "tags": {"type": "array", "items": {"type": "string"}, "description": "Tags"},
                    },
                },
                "items": {
                    "type": "array",
                    "description": "An array of objects",
                    "items": {
                        "type": "object",
                        "required": ["name"],
                        "properties": {
                            "name": {"type": "string", "description": "A name"},
                            "value": {"type": "integer", "description": "A value"},
                        },
                    },
                },
            },
        }
    paths = {}
    for index in range(schemas // 2):
        def content(schema):
            return {"application/json": {"schema": {"$ref": f"#/components/schemas/Thing{schema}"}}}

        paths[f"/operations/op{index}"] = {
            "post": {
                "operationId": f"op{index}",
                "description": "A synthetic operation with a request and a response body.",
                "requestBody": {"required": True, "content": content(2 * index)},
                "responses": {"200": {"description": "OK", "content": content(2 * index + 1)}},
            }
        }
    return {
        "openapi": "3.1.0",
        "info": {"title": "Synthetic", "version": "1.0.0"},
        "paths": paths,
        "components": {"schemas": components},
    }


def build_tools(scratch):
    run(["swift", "build", "-c", "release", "--product", "cti-codegen", "--package-path", ROOT,
         "--scratch-path", os.path.join(ROOT, scratch)], stdout=subprocess.DEVNULL)
    tool = os.path.join(WORK, "tool")
    os.makedirs(os.path.join(tool, "Placeholder"), exist_ok=True)
    with open(os.path.join(tool, "Package.swift"), "w") as manifest:
        manifest.write(GENERATOR_PACKAGE)
    with open(os.path.join(tool, "Placeholder", "Placeholder.swift"), "w") as placeholder:
        placeholder.write("// A target of the tool package, which only builds swift-openapi-generator.\n")
    run(["swift", "build", "-c", "release", "--product", "swift-openapi-generator", "--package-path", tool],
        stdout=subprocess.DEVNULL)
    return (os.path.join(ROOT, scratch, "release", "cti-codegen"),
            os.path.join(tool, ".build", "release", "swift-openapi-generator"))


def write_inputs(size):
    """The synthetic spec and the OpenAPI document of `size`, in WORK/inputs-size; their paths."""
    folder = os.path.join(WORK, f"inputs-{size}")
    spec = os.path.join(folder, "spec")
    run([sys.executable, os.path.join(HERE, "synthetic-spec.py"), str(size), spec], stdout=subprocess.DEVNULL)
    document = os.path.join(folder, "openapi.json")
    with open(document, "w") as out:
        json.dump(openapi_document(size), out, indent=1)
    return spec, document


def generate_commands(ours, theirs, spec, document, output):
    return (
        [ours, "generate", "--spec", spec, "--output", os.path.join(output, "ours"), "--no-tests", "--module-name", "SyntheticMessages"],
        [theirs, "generate", document, "--mode", "types", "--mode", "server", "--access-modifier", "public",
         "--output-directory", os.path.join(output, "theirs")],
    )


def compare_generators(ours, theirs, size, runs):
    spec, document = write_inputs(size)
    output = os.path.join(WORK, f"generated-{size}")
    ours_command, theirs_command = generate_commands(ours, theirs, spec, document, output)
    os.makedirs(os.path.join(output, "theirs"), exist_ok=True)
    with tempfile.NamedTemporaryFile(suffix=".json") as export:
        run(["hyperfine", "--style", "none", "--warmup", "1", "--runs", str(runs), "--export-json", export.name,
             "--prepare", f"rm -rf {output}/ours {output}/theirs && mkdir -p {output}/theirs",
             "-n", "cti-codegen", " ".join(ours_command), "-n", "swift-openapi-generator", " ".join(theirs_command)],
            stdout=subprocess.DEVNULL)
        results = {r["command"]: r for r in json.load(open(export.name))["results"]}
    mine, other = results["cti-codegen"], results["swift-openapi-generator"]
    print(f"Generating, {size:,} messages against {size:,} schemas and {size // 2:,} operations ({runs} runs each, hyperfine):")
    print("")
    print("| generator | median | stddev |")
    print("|---|---:|---:|")
    print(f"| cti-codegen | {mine['median']:.3f} s | {mine['stddev'] or 0:.3f} s |")
    print(f"| swift-openapi-generator | {other['median']:.3f} s | {other['stddev'] or 0:.3f} s |")
    print("")
    print(f"swift-openapi-generator takes {other['median'] / mine['median']:.1f} times as long as cti-codegen.")
    print("")


def prepare_packages(ours, theirs, size):
    spec, document = write_inputs(size)
    folder = os.path.join(WORK, f"compile-{size}")
    ours_package = os.path.join(folder, "ours")
    theirs_package = os.path.join(folder, "theirs")
    ours_sources = os.path.join(ours_package, "Sources", "SyntheticMessages")
    theirs_sources = os.path.join(theirs_package, "Sources", "OpenAPIMessages")
    for sources in (ours_sources, theirs_sources):
        shutil.rmtree(sources, ignore_errors=True)
        os.makedirs(sources)
    run([ours, "generate", "--spec", spec, "--output", ours_sources, "--no-tests", "--module-name", "SyntheticMessages"],
        stdout=subprocess.DEVNULL)
    run([theirs, "generate", document, "--mode", "types", "--mode", "server", "--access-modifier", "public",
         "--output-directory", theirs_sources], stdout=subprocess.DEVNULL)
    with open(os.path.join(ours_package, "Package.swift"), "w") as manifest:
        manifest.write(compile_cost.MANIFEST.format(root=ROOT))
    with open(os.path.join(theirs_package, "Package.swift"), "w") as manifest:
        manifest.write(OPENAPI_PACKAGE)
    return [("cti-codegen", ours_package, "SyntheticMessages", ours_sources, "CTIRuntime"),
            ("swift-openapi-generator", theirs_package, "OpenAPIMessages", theirs_sources, None)]


def size_of(sources):
    files = [os.path.join(sources, f) for f in os.listdir(sources) if f.endswith(".swift")]
    return len(files), sum(os.path.getsize(f) for f in files), sum(sum(1 for _ in open(f)) for f in files)


def compare_compiling(ours, theirs, size, configurations, runs):
    packages = prepare_packages(ours, theirs, size)
    rows = []
    for configuration in configurations:
        for _, package, module, _, dependency in packages:
            # Everything the module depends on, built once, so the timed builds compile the module alone.
            if dependency:
                run(["swift", "build", "-c", configuration, "--package-path", package, "--target", dependency], stdout=subprocess.DEVNULL)
            else:
                run(["swift", "build", "-c", configuration, "--package-path", package], stdout=subprocess.DEVNULL)
        samples = {name: [] for name, *_ in packages}
        for _ in range(runs):
            for name, package, module, _, _ in packages:
                compile_cost.remove_module_products(package, configuration, module)
                build = ["swift", "build", "-c", configuration, "--package-path", package, "--target", module]
                wall, user, memory, failure = compile_cost.timed_build(build)
                samples[name].append((wall, user, memory, failure))
        for name, _, _, sources, _ in packages:
            files, size_bytes, lines = size_of(sources)
            failures = [s[3] for s in samples[name] if s[3]]
            if failures:
                rows.append((configuration, name, files, size_bytes, lines, None, None, None, failures[0]))
                continue
            rows.append((configuration, name, files, size_bytes, lines,
                         statistics.median(s[0] for s in samples[name]), statistics.median(s[1] for s in samples[name]),
                         statistics.median(s[2] for s in samples[name]), None))
    print(f"Compiling the generated module from scratch, {size:,} messages against {size:,} schemas "
          f"and {size // 2:,} operations (median of {runs} runs each, taken in turns):")
    print("")
    print("| configuration | generator | files | bytes | lines | wall time | CPU time (user) | peak memory (largest process) |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for configuration, name, files, size_bytes, lines, wall, user, memory, failure in rows:
        if failure:
            print(f"| {configuration} | {name} | {files} | {size_bytes:,} | {lines:,} | {failure} | | |")
        else:
            print(f"| {configuration} | {name} | {files} | {size_bytes:,} | {lines:,} | {wall:.1f} s | {user:.1f} s | {memory / 1024:.0f} MiB |")
    print("")
    for configuration in configurations:
        mine = next((r for r in rows if r[0] == configuration and r[1] == "cti-codegen"), None)
        other = next((r for r in rows if r[0] == configuration and r[1] == "swift-openapi-generator"), None)
        if mine and other and mine[5] and other[5]:
            print(f"{configuration}: cti-codegen's module takes {mine[5] / other[5]:.2f} of swift-openapi-generator's wall time "
                  f"({mine[6] / other[6]:.2f} of its CPU time).")
    print("")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--compile-size", type=int, default=100)
    parser.add_argument("--configuration", nargs="*", default=["debug", "release"])
    parser.add_argument("--compile-runs", type=int, default=3)
    parser.add_argument("--generator-size", type=int, default=1000)
    parser.add_argument("--generator-runs", type=int, default=10)
    parser.add_argument("--skip-compile", action="store_true")
    parser.add_argument("--skip-generator", action="store_true")
    parser.add_argument("--scratch-path", default=".build", help="the main package's build folder, for cti-codegen")
    args = parser.parse_args()
    ours, theirs = build_tools(args.scratch_path)
    if not args.skip_generator:
        compare_generators(ours, theirs, args.generator_size, args.generator_runs)
    if not args.skip_compile:
        compare_compiling(ours, theirs, args.compile_size, args.configuration, args.compile_runs)


if __name__ == "__main__":
    main()
