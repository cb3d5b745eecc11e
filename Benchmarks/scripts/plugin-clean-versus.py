#!/usr/bin/env python3
"""The clean build of a package that only applies the build plugin, against this repository at a
baseline commit and at this checkout, side by side: does adding CTITransport (swift-nio and the
rest, which SwiftPM resolves for every package depending on this one) cost such a package anything?

    python3 Benchmarks/scripts/plugin-clean-versus.py --baseline 51cd92c [--rounds 2]

The baseline is checked out with `git worktree` under Benchmarks/.build-synthetic/. For each round
and each side (the order alternates): a fresh copy of Tests/Integration/PluginConsumer depending on
that side by absolute path, then `swift package resolve` and `swift build --build-tests` from a clean
state, each timed. Prints the medians and the ratio this checkout / baseline.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CONSUMER = os.path.join(ROOT, "Tests", "Integration", "PluginConsumer")
WORK = os.path.join(ROOT, "Benchmarks", ".build-synthetic", "plugin-clean-versus")


def timed(command, folder):
    start = time.monotonic()
    subprocess.run(command, cwd=folder, check=True, capture_output=True)
    return time.monotonic() - start


def measure(repository):
    folder = os.path.join(WORK, "consumer")
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(CONSUMER, folder, symlinks=True, ignore=shutil.ignore_patterns(".build", ".swiftpm", "Package.resolved"))
    manifest = os.path.join(folder, "Package.swift")
    with open(manifest) as file:
        text = file.read()
    with open(manifest, "w") as file:
        file.write(text.replace('path: "../../.."', f'path: "{repository}"'))
    session = os.path.join(folder, "Sources", "SessionBindings", "session.cti.yaml")
    if os.path.islink(session):
        os.remove(session)
        shutil.copy(os.path.join(repository, "spec", "session.yaml"), session)
    resolve = timed(["swift", "package", "resolve"], folder)
    build = timed(["swift", "build", "--build-tests"], folder)
    return resolve, build


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baseline", required=True)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    os.makedirs(WORK, exist_ok=True)
    baseline = os.path.join(WORK, "baseline")
    subprocess.run(["git", "worktree", "remove", "--force", baseline], cwd=ROOT, capture_output=True)
    subprocess.run(["git", "worktree", "add", "--detach", baseline, args.baseline], cwd=ROOT, check=True, capture_output=True)
    sides = {f"baseline {args.baseline}": baseline, "this checkout": ROOT}
    results = {name: [] for name in sides}
    try:
        for round_index in range(args.rounds):
            order = list(sides) if round_index % 2 == 0 else list(reversed(sides))
            for name in order:
                results[name].append(measure(sides[name]))
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", baseline], cwd=ROOT, capture_output=True)
    names = list(sides)
    print(f"PluginConsumer from a clean state, {args.rounds} rounds, medians")
    print()
    print("| | `swift package resolve` (s) | clean `swift build --build-tests` (s) |")
    print("|---|---:|---:|")
    medians = {}
    for name in names:
        resolve = statistics.median(entry[0] for entry in results[name])
        build = statistics.median(entry[1] for entry in results[name])
        medians[name] = (resolve, build)
        print(f"| {name} | {resolve:.1f} | {build:.1f} |")
    (r0, b0), (r1, b1) = medians[names[0]], medians[names[1]]
    print(f"| ratio (this checkout / baseline) | {r1 / r0:.2f} | {b1 / b0:.2f} |")


if __name__ == "__main__":
    main()
