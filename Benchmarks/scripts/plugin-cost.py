#!/usr/bin/env python3
"""What the build plugin costs a package's builds: Tests/Integration/PluginConsumer built with the
plugin applied, and the same package with the plugin removed and the same code committed instead.

    python3 Benchmarks/scripts/plugin-cost.py [--runs 10] [--scratch-path .build]

Two scratch copies of the consumer package (under Benchmarks/.build-synthetic/plugin-cost/), each
depending on this repository by absolute path:

- with plugin: the consumer as it is (Telephony and SessionBindings apply CTICodegenPlugin);
- without plugin: the same targets without the plugin, their code generated once by the
  cti-codegen command line with the arguments the plugin passes, into Sources/<target>/Generated/,
  and the spec files excluded from the targets.

For each copy: a clean `swift build` (once), one more build (SwiftPM settles its plugin-tool pass
after a clean build), then with hyperfine
- a no-op `swift build` (--runs runs after 2 warm-ups);
- `swift build` after editing one spec file (phone.cti.yaml's title, changed back and forth by
  --prepare). With the plugin the build regenerates and recompiles Telephony; without it the same
  edit is followed by `cti-codegen generate` (the release binary, as a developer or a command
  plugin would run it) and then `swift build`.
Prints a Markdown table.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CONSUMER = os.path.join(ROOT, "Tests", "Integration", "PluginConsumer")
WORK = os.path.join(ROOT, "Benchmarks", ".build-synthetic", "plugin-cost")
PLUGIN = '            plugins: [.plugin(name: "CTICodegenPlugin", package: "cti-codegen")]\n'
TITLE = "title: Phone Destination Messages"


def run(command, **kwargs):
    return subprocess.run(command, check=True, **kwargs)


def copy_consumer(name):
    folder = os.path.join(WORK, name)
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(CONSUMER, folder, symlinks=True, ignore=shutil.ignore_patterns(".build", ".swiftpm", "Package.resolved"))
    manifest_path = os.path.join(folder, "Package.swift")
    manifest = open(manifest_path).read()
    if 'path: "../../.."' not in manifest:
        sys.exit("the consumer's Package.swift no longer depends on path: \"../../..\"")
    manifest = manifest.replace('path: "../../.."', f'path: "{ROOT}"')
    # The session spec is a symbolic link into this repository's spec/; point it at a copy.
    link = os.path.join(folder, "Sources", "SessionBindings", "session.cti.yaml")
    if os.path.islink(link):
        os.remove(link)
        shutil.copy(os.path.join(ROOT, "spec", "session.yaml"), link)
    open(manifest_path, "w").write(manifest)
    return folder


def plugin_targets(manifest):
    """The names of the targets that apply the plugin."""
    names = []
    for match in re.finditer(r'\.target\(\s*name: "([^"]+)",(.*?)\n        \)', manifest, re.S):
        if "CTICodegenPlugin" in match.group(2):
            names.append(match.group(1))
    return names


def without_plugin(folder, tool):
    """Removes the plugin from the manifest; generates each target's code once into Sources/<target>/Generated."""
    manifest_path = os.path.join(folder, "Package.swift")
    manifest = open(manifest_path).read()
    for target in plugin_targets(manifest):
        source = os.path.join(folder, "Sources", target)
        specs, excluded = [], []
        config = None
        for directory, _, files in os.walk(source):
            for file in sorted(files):
                path = os.path.join(directory, file)
                relative = os.path.relpath(path, source)
                if file.endswith(".cti.yaml"):
                    specs.append(path)
                    excluded.append(relative)
                elif file == "cti-codegen.yaml":
                    config = path
                    excluded.append(relative)
        arguments = [tool, "generate", "--output", os.path.join(source, "Generated"), "--no-tests",
                     "--default-access", "internal", "--module-name", target]
        for spec in specs:
            arguments += ["--spec", spec]
        if config:
            arguments += ["--config", config]
        run(arguments, stdout=subprocess.DEVNULL)
        pattern = re.compile(r'(\.target\(\s*name: "' + re.escape(target) + r'",.*?)' + re.escape(PLUGIN), re.S)
        exclude = "            exclude: [" + ", ".join(json.dumps(e) for e in excluded) + "]\n"
        manifest, count = pattern.subn(lambda m: m.group(1) + exclude, manifest, count=1)
        if count != 1:
            sys.exit(f"could not remove the plugin from target {target}")
    open(manifest_path, "w").write(manifest)
    return manifest


def timed_build(folder):
    start = time.monotonic()
    run(["swift", "build", "--package-path", folder], stdout=subprocess.DEVNULL)
    return time.monotonic() - start


def hyperfine(command, runs, prepare=None, warmup=2):
    # hyperfine gives every run an environment variable of random length
    # (HYPERFINE_RANDOMIZED_ENVIRONMENT_OFFSET); SwiftPM keys its compiled-plugin cache on the
    # environment, so each run would recompile every plugin in the graph (4 s of a 0.5 s no-op build).
    # The shell hyperfine runs each command in drops it again.
    with tempfile.NamedTemporaryFile(suffix=".json") as export:
        arguments = ["hyperfine", "--shell", "env -u HYPERFINE_RANDOMIZED_ENVIRONMENT_OFFSET sh", "--style", "none",
                     "--warmup", str(warmup), "--runs", str(runs), "--export-json", export.name]
        if prepare:
            arguments += ["--prepare", prepare]
        run(arguments + [command], stdout=subprocess.DEVNULL)
        result = json.load(open(export.name))["results"][0]
    return result["median"], result["stddev"] or 0.0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--scratch-path", default=".build", help="the main package's build folder, for cti-codegen")
    args = parser.parse_args()
    if not os.path.isdir(CONSUMER):
        sys.exit(f"{CONSUMER} is missing")
    run(["swift", "build", "-c", "release", "--product", "cti-codegen", "--package-path", ROOT, "--scratch-path",
         os.path.join(ROOT, args.scratch_path)], stdout=subprocess.DEVNULL)
    tool = os.path.join(ROOT, args.scratch_path, "release", "cti-codegen")
    os.makedirs(WORK, exist_ok=True)
    toggle = os.path.join(WORK, "toggle-title.py")
    with open(toggle, "w") as script:
        script.write(
            "import sys\n"
            "path = sys.argv[1]\n"
            "text = open(path).read()\n"
            f"a, b = {TITLE!r} + '\\n', {TITLE!r} + ' (edited)\\n'\n"
            "open(path, 'w').write(text.replace(a, b) if a in text else text.replace(b, a))\n")

    rows = []
    for variant in ["with plugin", "without plugin"]:
        folder = copy_consumer(variant.replace(" ", "-"))
        if variant == "without plugin":
            without_plugin(folder, tool)
        clean = timed_build(folder)
        timed_build(folder)
        build = f"swift build --package-path '{folder}'"
        noop, noop_spread = hyperfine(build, args.runs)
        phone = os.path.join(folder, "Sources", "Telephony", "Spec Files", "phone.cti.yaml")
        prepare = f"{sys.executable} '{toggle}' '{phone}'"
        if variant == "with plugin":
            edit_command = build
        else:
            config = os.path.join(os.path.dirname(phone), "cti-codegen.yaml")
            generated = os.path.join(folder, "Sources", "Telephony", "Generated")
            edit_command = (f"{tool} generate --spec '{phone}' --config '{config}' --output '{generated}' --no-tests "
                            f"--default-access internal --module-name Telephony >/dev/null && {build}")
        edit, edit_spread = hyperfine(edit_command, args.runs, prepare=prepare, warmup=1)
        rows.append((variant, clean, noop, noop_spread, edit, edit_spread))

    print("| PluginConsumer | clean build (once) | no-op `swift build` (median) | after editing phone.cti.yaml (median) |")
    print("|---|---:|---:|---:|")
    for variant, clean, noop, noop_spread, edit, edit_spread in rows:
        edited = "`swift build`" if variant == "with plugin" else "`cti-codegen generate` + `swift build`"
        print(f"| {variant} | {clean:.1f} s | {noop:.2f} s ± {noop_spread:.2f} | {edit:.2f} s ± {edit_spread:.2f} ({edited}) |")


if __name__ == "__main__":
    main()
