#!/usr/bin/env python3
"""The run-time harness of this checkout beside the harness of an earlier commit, in turns, so a change
to the generated code or the runtime shows as a change of the ratios to baseline (a), measured side by
side on the same machine at the same time.

    python3 Benchmarks/scripts/runtime-versus.py --baseline REF [--rounds 3] [--samples 9] [--filter TEXT ...]

Extracts REF (`git archive`) into Benchmarks/.build-versus/REF, builds both harnesses in release, then
runs them in turns, --rounds times each (`RuntimeBenchmarks --samples N`), and prints, per scenario,
the median over the rounds of ours/(a) for each, and the medians of the geometric mean and the worst
ratio. --filter passes on to the harness: only the scenarios whose names contain one of the texts. Each harness measures its own code against the same baselines (a) JSONDecoder/JSONEncoder and
(b) JSONSerialization, which do not change between commits, so the two columns compare directly.
"""

import argparse
import os
import re
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
WORK = os.path.join(ROOT, "Benchmarks", ".build-versus")


def run(command, **kwargs):
    return subprocess.run(command, check=True, **kwargs)


def build(package_root):
    run(["swift", "build", "-c", "release", "--package-path", os.path.join(package_root, "Benchmarks")], stdout=subprocess.DEVNULL)
    return os.path.join(package_root, "Benchmarks", ".build", "release", "RuntimeBenchmarks")


def checkout(ref):
    commit = run(["git", "-C", ROOT, "rev-parse", "--short", ref], capture_output=True, text=True).stdout.strip()
    folder = os.path.join(WORK, commit)
    if not os.path.exists(os.path.join(folder, "Package.swift")):
        os.makedirs(folder, exist_ok=True)
        archive = subprocess.Popen(["git", "-C", ROOT, "archive", commit], stdout=subprocess.PIPE)
        run(["tar", "-x", "-C", folder], stdin=archive.stdout)
        archive.wait()
    return commit, folder


def measure(harness, samples, filters):
    """Per scenario, ours/(a); and the geometric mean and the worst."""
    command = [harness, "--samples", str(samples)]
    for text in filters:
        command += ["--filter", text]
    output = run(command, capture_output=True, text=True).stdout
    ratios = {}
    for line in output.splitlines():
        cells = [cell.strip() for cell in line.split("|")]
        if len(cells) > 7 and re.fullmatch(r"\d+\.\d+", cells[6] or ""):
            ratios[cells[1]] = float(cells[6])
    summary = re.search(r"ours/\(a\) ([\d.]+), .*worst ours/\(a\) ([\d.]+)", output)
    return ratios, float(summary.group(1)), float(summary.group(2))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baseline", required=True, help="the commit (or any git ref) to compare with")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--samples", type=int, default=9)
    parser.add_argument("--filter", nargs="*", default=[], help="only scenarios whose names contain one of these")
    args = parser.parse_args()
    commit, folder = checkout(args.baseline)
    harnesses = {commit: build(folder), "this checkout": build(ROOT)}
    results = {name: [] for name in harnesses}
    for _ in range(args.rounds):
        for name, harness in harnesses.items():
            results[name].append(measure(harness, args.samples, args.filter))
    names = list(harnesses)
    scenarios = list(results[names[1]][0][0])
    print(f"ours/(a), median of {args.rounds} rounds taken in turns ({args.samples} samples each):")
    print("")
    print("| scenario | " + " | ".join(names) + " | change |")
    print("|---|" + "---:|" * (len(names) + 1))
    for scenario in scenarios:
        values = [statistics.median(r[0].get(scenario, float("nan")) for r in results[name]) for name in names]
        print(f"| {scenario} | " + " | ".join(f"{v:.2f}" for v in values) + f" | {values[1] / values[0] - 1:+.0%} |")
    for label, index in (("geometric mean", 1), ("worst", 2)):
        values = [statistics.median(r[index] for r in results[name]) for name in names]
        print(f"| **{label}** | " + " | ".join(f"**{v:.2f}**" for v in values) + f" | {values[1] / values[0] - 1:+.0%} |")


if __name__ == "__main__":
    main()
