#!/usr/bin/env python3
"""How the cost of compiling the generated Routing.swift grows with the number of messages.

    python3 Benchmarks/scripts/routing-growth.py [--sizes 100 200 400 1000] [--tool PATH] [--scratch-path .build]

For each size, writes the synthetic spec (synthetic-spec.py, 50 messages per file), generates its
code without tests into Benchmarks/.build-synthetic/routing-N and compiles Routing.swift alone
(-Onone, the other generated files as non-primary inputs, as a debug build's frontend job does)
against a CTIRuntime module built from Sources/CTIRuntime. Prints wall time and peak memory of that one frontend process, under an
address-space limit (--memory-limit-gb, default 12).
"""

import argparse
import os
import resource
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SYNTHETIC = os.path.join(ROOT, "Benchmarks", ".build-synthetic")


def run(command, **kwargs):
    return subprocess.run(command, check=True, **kwargs)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 200, 400, 1000])
    parser.add_argument("--scratch-path", default=".build", help="the main package's build folder, for cti-codegen")
    parser.add_argument("--memory-limit-gb", type=float, default=12)
    parser.add_argument("--tool", help="a cti-codegen binary to generate with instead of building this checkout's "
                                       "(an older build, to compare shapes)")
    args = parser.parse_args()
    tool = args.tool
    if tool is None:
        run(["swift", "build", "-c", "release", "--product", "cti-codegen", "--package-path", ROOT, "--scratch-path",
             os.path.join(ROOT, args.scratch_path)], stdout=subprocess.DEVNULL)
        tool = os.path.join(ROOT, args.scratch_path, "release", "cti-codegen")
    modules = os.path.join(SYNTHETIC, "routing-modules")
    os.makedirs(modules, exist_ok=True)
    runtime = sorted(os.path.join(ROOT, "Sources", "CTIRuntime", f)
                     for f in os.listdir(os.path.join(ROOT, "Sources", "CTIRuntime")) if f.endswith(".swift"))
    run(["swiftc", "-emit-module", "-parse-as-library", "-swift-version", "6", "-module-name", "CTIRuntime",
         "-emit-module-path", os.path.join(modules, "CTIRuntime.swiftmodule")] + runtime, stderr=subprocess.DEVNULL)
    limit = int(args.memory_limit_gb * (1 << 30))
    print("Compiling the generated Routing.swift alone (debug, -Onone):")
    print("")
    print("| messages | Routing.swift lines | time | peak memory |")
    print("|---:|---:|---:|---:|")
    for size in args.sizes:
        folder = os.path.join(SYNTHETIC, f"routing-{size}")
        spec, sources = os.path.join(folder, "spec"), os.path.join(folder, "Sources")
        run([sys.executable, os.path.join(HERE, "synthetic-spec.py"), str(size), spec], stdout=subprocess.DEVNULL)
        run(["rm", "-rf", sources])
        run([tool, "generate", "--spec", spec, "--output", sources, "--no-tests", "--module-name", "SyntheticMessages"],
            stdout=subprocess.DEVNULL)
        routing = os.path.join(sources, "Routing.swift")
        others = sorted(os.path.join(sources, f) for f in os.listdir(sources) if f.endswith(".swift") and f != "Routing.swift")
        command = ["/usr/bin/time", "-f", "%e %M", "swiftc", "-frontend", "-c", "-primary-file", routing] + others + [
            "-I", modules, "-module-name", "SyntheticMessages", "-parse-as-library", "-swift-version", "6", "-Onone",
            "-o", os.path.join(folder, "Routing.o")]
        completed = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                   preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (limit, limit)))
        seconds, memory = completed.stderr.strip().splitlines()[-1].split()[-2:]
        lines = sum(1 for _ in open(routing))
        if completed.returncode != 0:
            print(f"| {size:,} | {lines:,} | failed after {float(seconds):.0f} s | over {args.memory_limit_gb:g} GiB |")
        else:
            print(f"| {size:,} | {lines:,} | {float(seconds):.1f} s | {int(memory) / 1024:,.0f} MiB |")


if __name__ == "__main__":
    main()
