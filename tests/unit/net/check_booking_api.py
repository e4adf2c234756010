"""Validates docs/booking-api.yaml as OpenAPI 3, then every answer booking_api_test recorded
(one JSON object a line: method, path, status, body) against the schema the file gives for that
path, method and status. Fails on an answer whose status the file does not list, a body that
does not fit, or no answers at all.

usage: check_booking_api.py OPENAPI.yaml ANSWERS.jsonl"""
import json
import sys

import yaml
from openapi_schema_validator import OAS30Validator
from openapi_spec_validator import validate


def resolve(node, spec):
    """The schema with every local $ref replaced by what it names."""
    if isinstance(node, dict):
        if "$ref" in node:
            target = spec
            for part in node["$ref"].lstrip("#/").split("/"):
                target = target[part]
            return resolve(target, spec)
        return {k: resolve(v, spec) for k, v in node.items()}
    if isinstance(node, list):
        return [resolve(v, spec) for v in node]
    return node


def main(spec_path, answers_path):
    with open(spec_path, encoding="utf-8") as f:
        spec = yaml.safe_load(f)
    validate(spec)
    checked, problems = 0, []
    with open(answers_path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            a = json.loads(line)
            operation = spec["paths"].get(a["path"], {}).get(a["method"].lower())
            if operation is None:
                if a["status"] in (404, 405):  # the server's answer to a path or method the API lacks
                    continue
                problems.append(f"line {n}: {a['method']} {a['path']} is not in the file")
                continue
            response = operation["responses"].get(str(a["status"]))
            if response is None:
                problems.append(f"line {n}: {a['method']} {a['path']} answered {a['status']}, not listed")
                continue
            schema = resolve(response, spec)["content"]["application/json"]["schema"]
            errors = [e.message for e in OAS30Validator(schema).iter_errors(json.loads(a["body"]))]
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
