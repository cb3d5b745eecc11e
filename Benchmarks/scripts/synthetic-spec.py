#!/usr/bin/env python3
"""Writes a synthetic spec of N messages for the generator and compile-cost benchmarks.

    Benchmarks/scripts/synthetic-spec.py 1000 Benchmarks/.build-synthetic/spec-1000 [--per-file 50] [--seed 1]

The output folder gets one destination file per `--per-file` messages (default 50), in the
format of docs/spec-format.md, and no protocol file (the generator's bundled protocol
definitions apply). The mix follows the shipped session spec: about half the messages are
queries and requests (each with a response, some producing events), half are events; bodies
have 3 to 12 members, with nested objects (dotted keys and `type: object`), arrays of objects,
arrays of strings, enums, GUIDs, integers, maps, JSON values and optional members; about half
of the responses carry a body. Output is deterministic for a given N, --per-file and --seed.
"""

import argparse
import os
import random
import sys

WORDS = [
    "agent", "channel", "group", "state", "reason", "login", "extension", "queue", "skill", "media",
    "call", "chat", "email", "callback", "voicemail", "team", "member", "status", "label", "language",
    "country", "code", "name", "description", "time", "change", "dial", "number", "mode", "mobile",
    "session", "target", "interaction", "contact", "party", "address", "device", "line", "route", "point",
    "priority", "wrap", "ready", "busy", "hold", "transfer", "conference", "record", "note", "topic",
]
SENTENCES = [
    "Identifier the bridge uses to reference the object",
    "True if the agent is configured to handle this media",
    "The name shown to the agent in the desktop",
    "When the state last changed, in ISO 8601 form",
    "Platform specific value from the configuration server",
    "The code the platform reports for this reason",
    "How many items the agent may hold at the same time",
    "The dial number used when the agent works remotely",
]


def words(rng, count):
    picked = rng.sample(WORDS, count)
    return picked[0] + "".join(w.capitalize() for w in picked[1:])


def unique_key(rng, used):
    while True:
        key = words(rng, rng.choice([1, 2, 2, 3]))
        if key not in used:
            used.add(key)
            return key


def quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Writer:
    def __init__(self):
        self.lines = []

    def add(self, indent, text):
        self.lines.append(" " * indent + text)

    def text(self):
        return "\n".join(self.lines) + "\n"


def scalar_type(rng):
    return rng.choices(
        ["string", "boolean", "integer", "guid", "enum", "number"], weights=[45, 20, 12, 6, 12, 5])[0]


def write_type_spec(w, indent, kind, rng, depth):
    """Writes the keys of a type (after `type:` has been chosen) at `indent`."""
    if kind == "enum":
        count = rng.randint(3, 6)
        values = [words(rng, 1).upper() + "_" + str(i) for i in range(count)]
        w.add(indent, "values: [" + ", ".join(values) + "]")
    elif kind == "array":
        item = rng.choices(["object", "string", "json"], weights=[70, 25, 5])[0] if depth < 2 else "string"
        if item == "object":
            w.add(indent, "items:")
            w.add(indent + 2, "type: object")
            w.add(indent + 2, "properties:")
            write_fields(w, indent + 4, rng, rng.randint(3, 6), depth + 1, allow_dotted=False)
        else:
            w.add(indent, "items: {type: " + item + "}")
    elif kind == "map":
        w.add(indent, "values: {type: string}")
    elif kind == "object":
        w.add(indent, "properties:")
        write_fields(w, indent + 2, rng, rng.randint(2, 5), depth + 1, allow_dotted=False)


def write_fields(w, indent, rng, count, depth, allow_dotted=True):
    used = set()
    index = 0
    while index < count:
        shape = rng.choices(
            ["scalar", "dotted", "object", "array", "map", "json"],
            weights=[70, 8 if allow_dotted else 0, 7 if depth < 2 else 0, 9 if depth < 2 else 0, 3, 3])[0]
        if shape == "dotted":
            prefix = unique_key(rng, used)
            members = min(rng.randint(2, 4), count - index) or 1
            inner = set()
            for _ in range(members):
                key = prefix + "." + unique_key(rng, inner)
                kind = scalar_type(rng)
                w.add(indent, "- key: " + key)
                w.add(indent + 2, "type: " + kind)
                w.add(indent + 2, "notes: " + rng.choice(SENTENCES))
                write_type_spec(w, indent + 2, kind, rng, depth)
            index += members
            continue
        key = unique_key(rng, used)
        kind = {"scalar": None, "object": "object", "array": "array", "map": "map", "json": "json"}[shape] or scalar_type(rng)
        w.add(indent, "- key: " + key)
        w.add(indent + 2, "type: " + kind)
        w.add(indent + 2, "notes: " + rng.choice(SENTENCES))
        if rng.random() < 0.25:
            w.add(indent + 2, "required: false")
        write_type_spec(w, indent + 2, kind, rng, depth)
        index += 1


def write_header(w, indent, keys, noun):
    kind = "response" if "result" in keys else noun
    notes = {
        "type": kind.capitalize() + " messages will always have this value",
        "name": ("Name of the original " if kind == "response" else "Name of this ") + noun + ("" if kind == "response" else " type"),
        "target": "See generating message targets above",
        "requestId": "Unique identifier for the original query",
        "result": "Result of the " + noun,
        "errorMessage": "A human readable description of the error. This message will be logged.",
    }
    w.add(indent, "header:")
    for key in keys:
        w.add(indent + 2, "- key: " + key)
        w.add(indent + 4, "notes: " + notes[key])


def write_body(w, indent, rng, count):
    if count == 0:
        w.add(indent, "body: []")
        return
    w.add(indent, "body:")
    write_fields(w, indent + 2, rng, count, depth=0)


def destination_text(rng, number, count):
    dest = "dest%04d" % number
    swift = "Dest%04d" % number
    w = Writer()
    w.add(0, "destination: " + dest)
    w.add(0, "title: Synthetic Destination %d Messages" % number)
    w.add(0, "summary: >")
    w.add(2, "A synthetic destination for the generator benchmarks, shaped like the session")
    w.add(2, "destination: queries and requests with responses, and events.")
    w.add(0, "swiftName: " + swift)
    w.add(0, "initQuery: " + dest + ".query.init")
    w.add(0, "messages:")
    # Decide the kinds first so requests can name events of this destination in `produces`.
    kinds = ["query"] + [rng.choices(["request", "query", "event"], weights=[38, 12, 50])[0] for _ in range(count - 1)]
    names = []
    for i, kind in enumerate(kinds):
        if i == 0:
            names.append((dest + ".query.init", "Init"))
        elif kind == "event":
            base = words(rng, 2)
            names.append((dest + "." + base.lower() + "%d.updated" % i, base[0].upper() + base[1:] + "%dUpdated" % i))
        else:
            base = words(rng, 2)
            names.append((dest + "." + kind + "." + base.lower() + "%d" % i, base[0].upper() + base[1:] + "%d" % i))
    events = [names[i][0] for i, kind in enumerate(kinds) if kind == "event"]
    for i, kind in enumerate(kinds):
        name, swift_name = names[i]
        w.add(2, "- name: " + name)
        w.add(4, "kind: " + kind)
        w.add(4, "swiftName: " + swift_name)
        w.add(4, "summary: >")
        w.add(6, "A synthetic " + kind + " with a body of several members; the text is as long as")
        w.add(6, "a typical summary of the source chapter, so doc comments weigh what they do.")
        if kind == "event":
            write_header(w, 4, ["type", "name", "target"], "event")
            write_body(w, 4, rng, rng.randint(3, 12))
            continue
        write_header(w, 4, ["type", "name", "target", "requestId"], kind)
        write_body(w, 4, rng, rng.randint(3, 12) if rng.random() < 0.8 else 0)
        if kind == "request" and events and rng.random() < 0.3:
            w.add(4, "produces: [" + rng.choice(events) + "]")
        w.add(4, "response:")
        write_header(w, 6, ["type", "name", "target", "requestId", "result", "errorMessage"], kind)
        write_body(w, 6, rng, rng.randint(2, 8) if rng.random() < 0.5 else 0)
    return w.text()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("messages", type=int, help="how many messages (queries, requests and events; responses not counted)")
    parser.add_argument("output", help="the folder to write (created; its *.yaml files are replaced)")
    parser.add_argument("--per-file", type=int, default=50, help="messages per destination file (default 50)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.messages < 1 or args.per_file < 1:
        sys.exit("messages and --per-file must be at least 1")
    os.makedirs(args.output, exist_ok=True)
    for name in os.listdir(args.output):
        if name.endswith(".yaml"):
            os.remove(os.path.join(args.output, name))
    rng = random.Random(args.seed)
    remaining, number, total_bytes = args.messages, 0, 0
    while remaining > 0:
        count = min(args.per_file, remaining)
        text = destination_text(rng, number, count)
        path = os.path.join(args.output, "dest%04d.yaml" % number)
        with open(path, "w") as f:
            f.write(text)
        total_bytes += len(text.encode())
        remaining -= count
        number += 1
    print("%d messages in %d files, %d bytes, in %s" % (args.messages, number, total_bytes, args.output))


if __name__ == "__main__":
    main()
