"""Checks docs/booking-api.yaml as OpenAPI 3.0 (structure, every $ref, every schema), then every
answer recorded (one JSON object a line: method, path, status, body) against the schema the file
gives for that path, method and status. Fails on an answer whose status the file does not list, a
body that does not fit, or no answers at all.

Runs on Debian 12's own packages only (python3-yaml, python3-jsonschema 4.10; CI has no pip):
OpenAPI 3.0 schema objects are JSON Schema Draft 4 less a few words, so each is translated
(local $ref inlined, `nullable` made a "null" type, OpenAPI-only keywords dropped) and checked
with Draft4Validator, with RFC 3339 `date` and `date-time` formats enforced.

usage: /usr/bin/python3 check_booking_api.py OPENAPI.yaml ANSWERS.jsonl"""
import json
import re
import sys

import yaml
from jsonschema import Draft4Validator, FormatChecker
from jsonschema.exceptions import SchemaError

METHODS = ("get", "put", "post", "delete", "patch", "head", "options")
OPENAPI_ONLY = {"nullable", "example", "readOnly", "writeOnly", "discriminator", "xml",
                "externalDocs", "deprecated"}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")

FORMATS = FormatChecker(formats=())
FORMATS.checks("date")(lambda v: not isinstance(v, str) or bool(DATE.match(v)))
FORMATS.checks("date-time")(lambda v: not isinstance(v, str) or bool(DATE_TIME.match(v)))


def resolve(node, spec, seen=()):
    """The node with every local $ref replaced by what it names; a dangling or looping $ref fails."""
    if isinstance(node, dict):
        if "$ref" in node:
            ref = node["$ref"]
            if not ref.startswith("#/") or ref in seen:
                raise ValueError(f"$ref {ref}: not local, or loops")
            target = spec
            for part in ref[2:].split("/"):
                if not isinstance(target, dict) or part not in target:
                    raise ValueError(f"$ref {ref}: names nothing")
                target = target[part]
            return resolve(target, spec, seen + (ref,))
        return {k: resolve(v, spec, seen) for k, v in node.items()}
    if isinstance(node, list):
        return [resolve(v, spec, seen) for v in node]
    return node


def to_json_schema(node):
    """An (already resolved) OpenAPI 3.0 schema object as JSON Schema Draft 4."""
    if isinstance(node, list):
        return [to_json_schema(v) for v in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for k, v in node.items():
        if k in OPENAPI_ONLY:
            continue
        if k in ("properties", "patternProperties", "definitions"):
            out[k] = {name: to_json_schema(s) for name, s in v.items()}
        else:
            out[k] = to_json_schema(v)
    if node.get("nullable") is True:
        if "type" in out:
            out["type"] = [out["type"], "null"] if isinstance(out["type"], str) else out["type"] + ["null"]
        if "enum" in out:
            out["enum"] = out["enum"] + [None]
    return out


def response_schema(response, where):
    content = response.get("content", {}).get("application/json")
    if not isinstance(response.get("description"), str) or content is None or "schema" not in content:
        raise ValueError(f"{where}: needs a description and an application/json schema")
    schema = to_json_schema(content["schema"])
    try:
        Draft4Validator.check_schema(schema)
    except SchemaError as e:
        raise ValueError(f"{where}: bad schema: {e.message}") from e
    return schema


def check_spec(raw):
    """Every operation's answers as {(path, method): {status: schema}}; raises on a bad file."""
    if not re.match(r"^3\.0\.\d+$", str(raw.get("openapi", ""))):
        raise ValueError("openapi: must be 3.0.x")
    info = raw.get("info", {})
    if not isinstance(info.get("title"), str) or not isinstance(info.get("version"), str):
        raise ValueError("info: needs a title and a version, both strings")
    spec = resolve(raw, raw)
    operations = {}
    for path, item in spec.get("paths", {}).items():
        if not path.startswith("/"):
            raise ValueError(f"path {path}: must begin with /")
        for method in (m for m in item if m in METHODS):
            op, where = item[method], f"{method.upper()} {path}"
            declared = {p["name"] for p in item.get("parameters", []) + op.get("parameters", [])
                        if p.get("in") == "path"}
            for name in re.findall(r"\{([^}]+)\}", path):
                if name not in declared:
                    raise ValueError(f"{where}: path parameter {name} not declared")
            if "requestBody" in op:
                response_schema({"description": "", **op["requestBody"]}, f"{where} request")
            responses = op.get("responses") or {}
            if not responses:
                raise ValueError(f"{where}: no responses")
            operations[(path, method)] = {
                status: response_schema(r, f"{where} {status}") for status, r in responses.items()}
    if not operations:
        raise ValueError("paths: none")
    return operations


def main(spec_path, answers_path):
    with open(spec_path, encoding="utf-8") as f:
        raw = yaml.safe_load(f)
    try:
        operations = check_spec(raw)
    except ValueError as e:
        print(f"{spec_path}: {e}")
        return 1
    checked, problems = 0, []
    with open(answers_path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            a = json.loads(line)
            answers = operations.get((a["path"], a["method"].lower()))
            if answers is None:
                if a["status"] in (404, 405):  # the server's answer to a path or method the API lacks
                    continue
                problems.append(f"line {n}: {a['method']} {a['path']} is not in the file")
                continue
            schema = answers.get(str(a["status"]))
            if schema is None:
                problems.append(f"line {n}: {a['method']} {a['path']} answered {a['status']}, not listed")
                continue
            validator = Draft4Validator(schema, format_checker=FORMATS)
            errors = [e.message for e in validator.iter_errors(json.loads(a["body"]))]
            if errors:
                problems.append(f"line {n}: {a['method']} {a['path']} {a['status']}: {errors[0]}")
            checked += 1
    if checked == 0:
        problems.append("no answers were recorded")
    for p in problems:
        print(p)
    print(f"{checked} answers checked against {spec_path}, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
