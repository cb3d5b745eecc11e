#!/usr/bin/env python3
"""Validates every spec YAML file against docs/cti-spec.schema.json (the schema editors use)."""
import json
import pathlib
import sys

import jsonschema
import yaml

root = pathlib.Path(__file__).resolve().parent.parent
schema = json.loads((root / "docs" / "cti-spec.schema.json").read_text())
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
paths = [pathlib.Path(p) for p in sys.argv[1:]] or sorted((root / "spec").glob("*.yaml"))
failed = False
for path in paths:
    for error in validator.iter_errors(yaml.safe_load(path.read_text())):
        failed = True
        location = "/".join(str(part) for part in error.absolute_path)
        print(f"{path}: error: {location}: {error.message}")
print(f"{len(paths)} spec file(s) checked against the JSON Schema: {'failed' if failed else 'ok'}")
sys.exit(1 if failed else 0)
