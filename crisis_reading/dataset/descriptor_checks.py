"""Check a datapackage.json's shape before any table is read.

A descriptor edited by hand can be valid JSON and still not describe tables
the loader can read (a resource without a schema, a key given as a string, a
pattern that is not a regular expression). Each such slip gets a DataError that
names the resource and the field, instead of a KeyError deep in the loader.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from crisis_reading.dataset.errors import DataError

SUPPORTED_TYPES = {"string", "integer", "boolean", "date"}


def check_descriptor(path: Path, descriptor: dict[str, Any]) -> None:
    """Raise DataError at the first part of the descriptor the loader cannot use; normalise keys to lists."""
    names: set[str] = set()
    for position, resource in enumerate(descriptor["resources"], start=1):
        where = f"resource {position}"
        if not isinstance(resource, dict):
            raise DataError(path, f"{where} must be an object with name, path and schema")
        name = resource.get("name")
        if not isinstance(name, str) or not name:
            raise DataError(path, f"{where} needs a 'name'")
        where = f"resource '{name}'"
        if name in names:
            raise DataError(path, f"two resources are named '{name}'")
        names.add(name)
        if not isinstance(resource.get("path"), str) or not resource["path"]:
            raise DataError(path, f"{where} needs a 'path': the CSV file's name, as a string")
        schema = resource.get("schema")
        if not isinstance(schema, dict) or not isinstance(schema.get("fields"), list) or not schema["fields"]:
            raise DataError(path, f"{where} needs a 'schema' object with a list of 'fields'")
        field_names = [_check_field(path, where, field) for field in schema["fields"]]
        if "primaryKey" in schema:
            schema["primaryKey"] = _key_columns(path, where, "primaryKey", schema["primaryKey"], field_names)
        for fk in schema.setdefault("foreignKeys", []):
            if not isinstance(fk, dict) or not isinstance(fk.get("reference"), dict):
                raise DataError(path, f"{where}: each foreign key needs 'fields' and a 'reference'")
            fk["fields"] = _key_columns(path, where, "foreignKeys", fk.get("fields"), field_names)
            if len(fk["fields"]) != 1:
                raise DataError(path, f"{where}: the course's loader supports one-column foreign keys only")
            reference = fk["reference"]
            if not isinstance(reference.get("resource"), str):
                raise DataError(path, f"{where}: a foreign key's reference needs a 'resource' name")
            if reference["resource"] == "":
                reference["resource"] = name
            fields = reference.get("fields")
            reference["fields"] = [fields] if isinstance(fields, str) else fields
            if not isinstance(reference["fields"], list) or len(reference["fields"]) != 1:
                raise DataError(path, f"{where}: a foreign key's reference needs one field")
    for resource in descriptor["resources"]:
        for fk in resource["schema"]["foreignKeys"]:
            target = fk["reference"]["resource"]
            if target not in names:
                raise DataError(
                    path, f"resource '{resource['name']}' refers to a resource '{target}' that is not described"
                )
            target_fields = next(r for r in descriptor["resources"] if r["name"] == target)["schema"]["fields"]
            if fk["reference"]["fields"][0] not in [f["name"] for f in target_fields]:
                raise DataError(
                    path,
                    f"resource '{resource['name']}' refers to a column '{fk['reference']['fields'][0]}' "
                    f"that resource '{target}' does not have",
                )


def _check_field(path: Path, where: str, field: Any) -> str:
    if not isinstance(field, dict) or not isinstance(field.get("name"), str) or not field["name"]:
        raise DataError(path, f"{where}: every field needs a 'name'")
    name = field["name"]
    kind = field.setdefault("type", "string")
    if kind not in SUPPORTED_TYPES:
        raise DataError(
            path, f"{where}, field '{name}': type {kind!r} is not one of {', '.join(sorted(SUPPORTED_TYPES))}"
        )
    constraints = field.get("constraints", {})
    if not isinstance(constraints, dict):
        raise DataError(path, f"{where}, field '{name}': 'constraints' must be an object")
    if "pattern" in constraints:
        try:
            re.compile(constraints["pattern"])
        except (re.error, TypeError) as exc:
            raise DataError(path, f"{where}, field '{name}': the pattern is not a regular expression ({exc})") from None
    if "minimum" in constraints and (kind != "integer" or not isinstance(constraints["minimum"], int)):
        raise DataError(path, f"{where}, field '{name}': 'minimum' must be a whole number, on an integer field")
    if "enum" in constraints and not isinstance(constraints["enum"], list):
        raise DataError(path, f"{where}, field '{name}': 'enum' must be a list of allowed values")
    return name


def _key_columns(path: Path, where: str, key: str, value: Any, field_names: list[str]) -> list[str]:
    columns = [value] if isinstance(value, str) else value
    if not isinstance(columns, list) or not columns or not all(isinstance(c, str) for c in columns):
        raise DataError(path, f"{where}: '{key}' must name one column or a list of columns")
    for column in columns:
        if column not in field_names:
            raise DataError(path, f"{where}: '{key}' names a column '{column}' that the schema does not have")
    return columns
