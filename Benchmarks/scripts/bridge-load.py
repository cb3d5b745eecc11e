#!/usr/bin/env python3
"""cti-bridge's load mode against two clients, side by side, in release builds:

- cti-example-client: the shipped spec's generated example handler over CTITransport (routing,
  typed messages, the response check, logging);
- RawEchoClient (Benchmarks/Sources/RawEchoClient): the floor, answering every request SUCCESS by
  echoing its header on raw swift-nio, with no typed messages and no checks.

    python3 Benchmarks/scripts/bridge-load.py [--sessions 100] [--requests 1000] [--rounds 3]

Each round runs both clients in turn (the order alternates between rounds): `cti-bridge serve
--sessions N --requests M --format json` on a free loopback port, and the client with N connections
under /usr/bin/time, which gives the client's CPU time (user + system) and peak memory (max RSS).
Prints the median of the rounds for each client and the ratio example / floor, as a Markdown table.
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BENCHMARKS = os.path.join(ROOT, "Benchmarks")


def build():
    for product in ["cti-bridge", "cti-example-client"]:
        subprocess.run(["swift", "build", "-c", "release", "--product", product], cwd=ROOT, check=True)
    subprocess.run(["swift", "build", "-c", "release", "--product", "RawEchoClient"], cwd=BENCHMARKS, check=True)
    main_bin = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                              capture_output=True, text=True).stdout.strip()
    bench_bin = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=BENCHMARKS, check=True,
                               capture_output=True, text=True).stdout.strip()
    return main_bin, bench_bin


def run_once(bridge, client_command, sessions, requests):
    """One load run; returns the bridge's report and the client's CPU seconds and max RSS in MiB."""
    server = subprocess.Popen(
        [bridge, "serve", "--spec", os.path.join(ROOT, "spec"), "--port", "0", "--sessions", str(sessions),
         "--requests", str(requests), "--format", "json", "--time-limit", "300"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    port = None
    line = server.stderr.readline()
    match = re.search(r"listening on 127\.0\.0\.1:(\d+)", line)
    if not match:
        server.kill()
        sys.exit(f"cti-bridge did not start: {line}")
    port = match.group(1)
    timed = subprocess.run(["/usr/bin/time", "-f", "%U %S %M"] + [part.replace("PORT", port) for part in client_command],
                           capture_output=True, text=True)
    report_text, errors = server.communicate(timeout=600)
    if server.returncode != 0:
        sys.exit(f"the load run failed:\n{report_text}\n{errors}")
    user, system, rss_kb = timed.stderr.strip().splitlines()[-1].split()
    return json.loads(report_text), float(user) + float(system), int(rss_kb) / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=100)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    main_bin, bench_bin = build()
    bridge = os.path.join(main_bin, "cti-bridge")
    clients = {
        "cti-example-client (CTITransport)": [os.path.join(main_bin, "cti-example-client"), "--port", "PORT",
                                              "--connections", str(args.sessions), "--log-level", "warning"],
        "RawEchoClient (floor)": [os.path.join(bench_bin, "RawEchoClient"), "PORT", str(args.sessions)],
    }
    results = {name: [] for name in clients}
    for round_index in range(args.rounds):
        order = list(clients) if round_index % 2 == 0 else list(reversed(clients))
        for name in order:
            results[name].append(run_once(bridge, clients[name], args.sessions, args.requests))
            time.sleep(1)

    def median(name, pick):
        return statistics.median(pick(entry) for entry in results[name])

    names = list(clients)
    rows = [
        ("frames/s", lambda e: e[0]["framesPerSecond"], "{:,.0f}"),
        ("latency p50 (ms)", lambda e: e[0]["p50"], "{:.2f}"),
        ("latency p99 (ms)", lambda e: e[0]["p99"], "{:.2f}"),
        ("latency max (ms)", lambda e: e[0]["max"], "{:.2f}"),
        ("client CPU (s, user + system)", lambda e: e[1], "{:.2f}"),
        ("client peak memory (MiB)", lambda e: e[2], "{:.1f}"),
    ]
    answered = {name: results[name][0][0]["answered"] for name in names}
    print(f"{args.sessions} sessions x {args.requests} requests (+ init), {args.rounds} rounds, medians; "
          f"answered per run: {answered}")
    print()
    print(f"| | {names[0]} | {names[1]} | ratio |")
    print("|---|---:|---:|---:|")
    for label, pick, form in rows:
        first, second = median(names[0], pick), median(names[1], pick)
        ratio = first / second if second else float("nan")
        print(f"| {label} | {form.format(first)} | {form.format(second)} | {ratio:.2f} |")


if __name__ == "__main__":
    main()
