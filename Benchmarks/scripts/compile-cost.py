#!/usr/bin/env python3
"""Time and peak memory of compiling the code generated for a synthetic spec.

    python3 Benchmarks/scripts/compile-cost.py [--messages 1000] [--per-file 50 ...] [--configuration debug release]
        [--runs 3] [--scratch-path .build] [--slow-ms 100]

For each --per-file value (how many messages each destination file, and so each generated
file, holds), writes the synthetic spec (synthetic-spec.py), generates its code without tests
into Benchmarks/.build-synthetic/compile-N-perF/Sources/SyntheticMessages, and wraps it in a
package that depends on this one by path for CTIRuntime. CTIRuntime is built first; then each
timed run deletes the module's build products (objects, module, index records), touches the
generated files and runs `swift build -c CONFIG --target SyntheticMessages`, so the figure is the
cost of compiling the generated module alone, from scratch (median of --runs runs; wall time, and
CPU time of the whole build, which a busy machine disturbs less).
Peak memory is the largest single process of the build (`/usr/bin/time -f %M`: the maximum RSS
over the process tree, i.e. the biggest swift-frontend). Every build runs under an address-space
limit (--memory-limit-gb) and is reported as failed when it exceeds it. A last debug build with
-warn-long-function-bodies / -warn-long-expression-type-checking lists the generated functions
and expressions whose type checking takes longer than --slow-ms.
"""

import argparse
import os
import resource
import re
import shutil
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SYNTHETIC = os.path.join(ROOT, "Benchmarks", ".build-synthetic")

MANIFEST = """// swift-tools-version: 6.0
// Written by Benchmarks/scripts/compile-cost.py: the generated code of a synthetic spec, compiled alone.
import PackageDescription

let package = Package(
    name: "synthetic-messages",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "cti-codegen", path: "{root}")],
    targets: [
        .target(
            name: "SyntheticMessages",
            dependencies: [.product(name: "CTIRuntime", package: "cti-codegen")]
        )
    ],
    swiftLanguageModes: [.v6]
)
"""


def run(command, **kwargs):
    return subprocess.run(command, check=True, **kwargs)


def prepare_package(tool, messages, per_file):
    folder = os.path.join(SYNTHETIC, f"compile-{messages}-per{per_file}")
    spec = os.path.join(folder, "spec")
    sources = os.path.join(folder, "Sources", "SyntheticMessages")
    run([sys.executable, os.path.join(HERE, "synthetic-spec.py"), str(messages), spec, "--per-file", str(per_file)],
        stdout=subprocess.DEVNULL)
    shutil.rmtree(sources, ignore_errors=True)
    run([tool, "generate", "--spec", spec, "--output", sources, "--no-tests", "--module-name", "SyntheticMessages"],
        stdout=subprocess.DEVNULL)
    with open(os.path.join(folder, "Package.swift"), "w") as manifest:
        manifest.write(MANIFEST.format(root=ROOT))
    return folder, sources


def remove_module_products(folder, configuration, module="SyntheticMessages"):
    """Deletes what compiling `module` produced (objects, dependency records, the module, index
    records), keeping the files SwiftPM's build plan wrote, so the next build compiles the module from
    scratch, as after a spec change. Touching the files is not the same: with unchanged content, later
    runs of the 1,000-message module took 280 s against 440 s for the first."""
    products = os.path.join(folder, ".build", configuration)
    plan = {"output-file-map.json", "sources", "include"}
    intermediates = os.path.join(products, module + ".build")
    paths = [os.path.join(intermediates, name) for name in os.listdir(intermediates) if name not in plan]
    paths += [os.path.join(products, "index")]
    modules = os.path.join(products, "Modules")
    paths += [os.path.join(modules, name) for name in os.listdir(modules) if name.startswith(module + ".")]
    for path in paths:
        if os.path.isdir(path):
            shutil.rmtree(path)
        elif os.path.exists(path):
            os.remove(path)


def timed_build(build, memory_limit=None):
    """Runs `build` under /usr/bin/time: (wall seconds, user seconds, peak KiB of the largest process,
    the error line when it failed, or None)."""
    completed = subprocess.run(["/usr/bin/time", "-f", "%e %U %M"] + build, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wall, user, memory = completed.stderr.strip().splitlines()[-1].split()[-3:]
    failure = None
    if completed.returncode != 0:
        reason = re.findall(r"error: .*", completed.stdout + completed.stderr)
        failure = f"failed after {float(wall):.0f} s ({reason[0] if reason else 'exit status %d' % completed.returncode})"
    return float(wall), float(user), int(memory), failure


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=1000)
    parser.add_argument("--per-file", type=int, nargs="*", default=[50])
    parser.add_argument("--configuration", nargs="*", default=["debug", "release"])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scratch-path", default=".build", help="the main package's build folder, for cti-codegen")
    parser.add_argument("--memory-limit-gb", type=float, default=16,
                        help="address-space limit of every build process (default 16), so a runaway compile fails "
                             "instead of exhausting a shared machine's memory")
    parser.add_argument("--slow-ms", type=int, default=100, help="0: skip the type-checking report (one more debug build)")
    args = parser.parse_args()
    limit = int(args.memory_limit_gb * (1 << 30))
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))  # inherited by every build started from here

    run(["swift", "build", "-c", "release", "--product", "cti-codegen", "--package-path", ROOT, "--scratch-path",
         os.path.join(ROOT, args.scratch_path)], stdout=subprocess.DEVNULL)
    tool = os.path.join(ROOT, args.scratch_path, "release", "cti-codegen")

    rows = []
    slow = []
    for per_file in args.per_file:
        folder, sources = prepare_package(tool, args.messages, per_file)
        files = sorted(f for f in os.listdir(sources) if f.endswith(".swift"))
        size = sum(os.path.getsize(os.path.join(sources, f)) for f in files)
        lines = sum(sum(1 for _ in open(os.path.join(sources, f))) for f in files)
        largest = max(os.path.getsize(os.path.join(sources, f)) for f in files)
        for configuration in args.configuration:
            build = ["swift", "build", "-c", configuration, "--package-path", folder]
            run(build + ["--target", "CTIRuntime"], stdout=subprocess.DEVNULL)
            touch = "touch " + " ".join(os.path.join(sources, f) for f in files)
            seconds, memories, failed = [], [], None
            for _ in range(args.runs):
                remove_module_products(folder, configuration)
                run(touch, shell=True)
                wall, user, memory, failed = timed_build(build + ["--target", "SyntheticMessages"])
                if failed:
                    break
                seconds.append((wall, user))
                memories.append(memory)
            if failed:
                rows.append((per_file, len(files), size, lines, largest, configuration, None, failed, None))
                continue
            wall = statistics.median(s[0] for s in seconds)
            user = statistics.median(s[1] for s in seconds)
            rows.append((per_file, len(files), size, lines, largest, configuration, wall, user, statistics.median(memories)))
        if args.slow_ms <= 0:
            continue
        # Which generated functions and expressions are slow to type-check.
        run("touch " + " ".join(os.path.join(sources, f) for f in files), shell=True)
        completed = subprocess.run(
            ["swift", "build", "--package-path", folder, "--target", "SyntheticMessages",
             "-Xswiftc", "-Xfrontend", "-Xswiftc", f"-warn-long-function-bodies={args.slow_ms}",
             "-Xswiftc", "-Xfrontend", "-Xswiftc", f"-warn-long-expression-type-checking={args.slow_ms}"],
            capture_output=True, text=True)
        for line in completed.stdout.splitlines() + completed.stderr.splitlines():
            if re.search(r"warning: (instance method|global function|initializer|getter|static method|expression|.*took)", line):
                slow.append(f"per-file {per_file}: " + line.replace(folder + "/", ""))

    print(f"Compiling the generated module of the synthetic {args.messages:,}-message spec (no tests), after CTIRuntime:")
    print("")
    print("| messages per file | generated files | bytes | lines | largest file (bytes) | configuration | wall time | CPU time (user) | peak memory (largest process) |")
    print("|---:|---:|---:|---:|---:|---|---:|---:|---:|")
    for per_file, count, size, lines, largest, configuration, wall, user, memory in rows:
        if wall is None:
            print(f"| {per_file} | {count} | {size:,} | {lines:,} | {largest:,} | {configuration} | {user} | | |")
            continue
        print(f"| {per_file} | {count} | {size:,} | {lines:,} | {largest:,} | {configuration} | {wall:.1f} s | {user:.1f} s | "
              f"{memory / 1024:.0f} MiB |")
    print("")
    print(f"Type checking slower than {args.slow_ms} ms ({len(slow)}):" + ("" if slow else " none"))
    seen = set()
    for line in slow:
        key = re.sub(r":\d+:\d+", "", line)
        if key not in seen:
            seen.add(key)
            print("  " + line)


if __name__ == "__main__":
    main()
