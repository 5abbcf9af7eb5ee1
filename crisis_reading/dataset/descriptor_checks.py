"""Check a datapackage.json's shape before any table is read.

A descriptor edited by hand can be valid JSON and still not describe tables
the loader can read (a resource without a schema, a key given as a string, a
pattern that is not a regular expression). Each such slip gets a DataError that
names the resource and the field, instead of a KeyError deep in the loader.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from crisis_reading.dataset.errors import DataError

SUPPORTED_TYPES = {"string", "integer", "boolean", "date"}
# The Table Schema constraints the loader checks, and the field types each applies to; any other is refused, so
# that no rule a descriptor states is silently left unchecked.
SUPPORTED_CONSTRAINTS = {
    "required": SUPPORTED_TYPES,
    "unique": SUPPORTED_TYPES,
    "enum": {"string", "integer"},
    "pattern": {"string"},
    "minimum": {"integer"},
    "maximum": {"integer"},
    "minLength": {"string"},
    "maxLength": {"string"},
}
# The CSV dialect the loader reads (data/README.md): a resource may declare it, as the course's do, and no other.
CSV_DIALECT = {"delimiter": ",", "quoteChar": '"', "doubleQuote": True, "header": True, "lineTerminator": "\n"}


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
        check_path_in_folder(path, f"{where}: its 'path'", resource["path"])
        _check_format(path, where, resource)
        schema = resource.get("schema")
        if not isinstance(schema, dict) or not isinstance(schema.get("fields"), list) or not schema["fields"]:
            raise DataError(path, f"{where} needs a 'schema' object with a list of 'fields'")
        field_names = [_field_name(path, where, field) for field in schema["fields"]]
        for index, field_name in enumerate(field_names):
            if field_name in field_names[:index]:
                raise DataError(
                    path,
                    f"{where}: the schema lists the field '{field_name}' twice (fields "
                    f"{field_names.index(field_name) + 1} and {index + 1}); a table's schema names each column once: "
                    "delete one",
                )
        for schema_field in schema["fields"]:
            _check_field(path, where, schema_field)
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


def _field_name(path: Path, where: str, field: Any) -> str:
    if not isinstance(field, dict) or not isinstance(field.get("name"), str) or not field["name"]:
        raise DataError(path, f"{where}: every field needs a 'name'")
    return field["name"]


def _check_field(path: Path, where: str, field: dict[str, Any]) -> str:
    name = field["name"]
    kind = field.setdefault("type", "string")
    if kind not in SUPPORTED_TYPES:
        raise DataError(
            path, f"{where}, field '{name}': type {kind!r} is not one of {', '.join(sorted(SUPPORTED_TYPES))}"
        )
    constraints = field.get("constraints", {})
    if not isinstance(constraints, dict):
        raise DataError(path, f"{where}, field '{name}': 'constraints' must be an object")
    for constraint, value in constraints.items():
        types = SUPPORTED_CONSTRAINTS.get(constraint)
        if types is None:
            raise DataError(
                path,
                f"{where}, field '{name}': the course's loader does not check the constraint '{constraint}', so it "
                f"would be ignored; use only {', '.join(SUPPORTED_CONSTRAINTS)}, or remove it",
            )
        if kind not in types:
            raise DataError(
                path,
                f"{where}, field '{name}': '{constraint}' applies to {' or '.join(sorted(types))} fields, "
                f"not to this {kind} field",
            )
        _check_constraint_value(path, f"{where}, field '{name}'", kind, constraint, value)
    if "format" in field and field["format"] != "default":
        raise DataError(
            path,
            f"{where}, field '{name}': the course's loader does not read the format {field['format']!r}; "
            "remove 'format' (dates are written YYYY-MM-DD)",
        )
    return name


def _check_constraint_value(path: Path, where: str, kind: str, constraint: str, value: Any) -> None:
    whole = isinstance(value, int) and not isinstance(value, bool)
    if constraint in ("required", "unique") and not isinstance(value, bool):
        raise DataError(path, f"{where}: '{constraint}' must be true or false")
    if constraint == "pattern":
        try:
            re.compile(value)
        except (re.error, TypeError) as exc:
            raise DataError(path, f"{where}: the pattern is not a regular expression ({exc})") from None
    if constraint in ("minimum", "maximum") and not whole:
        raise DataError(path, f"{where}: '{constraint}' must be a whole number, on an integer field")
    if constraint in ("minLength", "maxLength") and not (whole and value >= 0):
        raise DataError(path, f"{where}: '{constraint}' must be a whole number of characters")
    if constraint == "enum":
        item_type = str if kind == "string" else int
        if not isinstance(value, list) or not value:
            raise DataError(path, f"{where}: 'enum' must be a list of allowed values")
        wrong = [item for item in value if not isinstance(item, item_type) or isinstance(item, bool)]
        if wrong:
            written = "text in quotation marks" if kind == "string" else "whole numbers without quotation marks"
            raise DataError(
                path, f"{where}: 'enum' holds {wrong[0]!r}; on a field of type {kind} its values are {written}"
            )


def check_path_in_folder(path: Path, what: str, relative: str, example: str = "quotes.csv") -> None:
    """A file a descriptor names must lie inside its folder: not absolute, not a URL, never through '..'."""
    parts = PurePosixPath(relative.replace("\\", "/")).parts
    if (
        PurePosixPath(relative).is_absolute()
        or PureWindowsPath(relative).is_absolute()
        or PureWindowsPath(relative).drive
        or "://" in relative
        or ".." in parts
    ):
        raise DataError(
            path,
            f"{what} {relative!r} leads outside the article's folder; name a file inside it, such as {example!r} "
            "(Frictionless refuses such a path too: 'path is not safe')",
        )


def _check_format(path: Path, where: str, resource: dict[str, Any]) -> None:
    """The encoding and CSV dialect a resource declares must be the ones the loader reads."""
    encoding = resource.get("encoding", "utf-8")
    if not isinstance(encoding, str) or encoding.lower().replace("_", "-") not in ("utf-8", "utf8"):
        raise DataError(path, f"{where}: 'encoding' is {encoding!r}; the course reads only UTF-8 files ('utf-8')")
    dialect = resource.get("dialect", {})
    if not isinstance(dialect, dict):
        raise DataError(path, f'{where}: \'dialect\' must be an object such as {{"delimiter": ","}}')
    for key, value in dialect.items():
        if key not in CSV_DIALECT:
            raise DataError(
                path,
                f"{where}: the dialect's '{key}' is not read by the course; it may give only {', '.join(CSV_DIALECT)}",
            )
        if key == "lineTerminator" and value in ("\n", "\r\n"):
            continue
        if value != CSV_DIALECT[key]:
            raise DataError(
                path,
                f"{where}: the dialect gives '{key}' as {value!r}; the course reads only {CSV_DIALECT[key]!r} "
                "(comma-separated files with one header line, data/README.md)",
            )


def _key_columns(path: Path, where: str, key: str, value: Any, field_names: list[str]) -> list[str]:
    columns = [value] if isinstance(value, str) else value
    if not isinstance(columns, list) or not columns or not all(isinstance(c, str) for c in columns):
        raise DataError(path, f"{where}: '{key}' must name one column or a list of columns")
    for column in columns:
        if column not in field_names:
            raise DataError(path, f"{where}: '{key}' names a column '{column}' that the schema does not have")
    return columns
