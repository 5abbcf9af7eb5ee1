"""Answer values as plain data: written by the student's kernel, read back by the trusted grader.

The kernel never hands the grader a Python object (no pickle): the code below,
run as the last cell of a submission, turns each `answer_NN_M` into JSON where
every value carries an explicit type tag, with caps on size and depth. The
grader rebuilds numbers, text, lists, sets, dicts, dates and pandas objects from
that JSON, accepting only the tags it knows. Anything else a student leaves in an
answer (a function, a class instance) arrives as its type's name only, so the
grader can say what it was without ever running the student's code.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_NODES = 50_000  # values in all of one notebook's answers together
MAX_CHARACTERS = 1_000_000  # characters of text in them
MAX_DEPTH = 8
MAX_DIGITS = 400
# Items the grader rebuilds for one answer, counted in its JSON before anything is built: the kernel's own cap
# (MAX_NODES values) plus a range index as long as them. A range index is three numbers in the JSON however long
# it is: pd.RangeIndex(10**8), 20 bytes there, grew past 2.6 GB in 7 s once the check turned it into a list.
MAX_REBUILT_ITEMS = 2 * MAX_NODES
MAX_ITEM_BYTES = 16  # a rebuilt column's fixed width for each value: no fixed-width text ("<U100000000")

# Runs inside the student's kernel, so it imports nothing of the course's (a student may
# have patched the package) and reads numpy or pandas only if the notebook imported them.
KERNEL_COLLECTOR = r"""
def _grader_collect(names, path, max_nodes, max_characters, max_depth):
    import json, os, sys, datetime
    np, pd = sys.modules.get("numpy"), sys.modules.get("pandas")

    class TooBig(Exception):
        def __init__(self, items=None):
            self.items = items

    left = {"nodes": max_nodes, "characters": max_characters}

    def text(value):
        value = str(value)
        left["characters"] -= len(value)
        if left["characters"] < 0:
            raise TooBig
        return value

    def room(count):
        if count > left["nodes"]:
            raise TooBig(count)

    def sequence(values, depth):
        room(len(values))
        return [encode(item, depth + 1) for item in values]

    def index(value, depth):
        if isinstance(value, pd.RangeIndex):
            return {"t": "range_index", "start": value.start, "stop": value.stop, "step": value.step,
                    "name": encode(value.name, depth + 1)}
        room(len(value))  # counted before .tolist() builds a Python object per value
        return {"t": "index", "v": sequence(value.tolist(), depth), "dtype": text(value.dtype),
                "name": encode(value.name, depth + 1)}

    def encode(value, depth=0):
        left["nodes"] -= 1
        if left["nodes"] < 0 or depth > max_depth:
            raise TooBig
        if value is None:
            return {"t": "none"}
        if value is Ellipsis:
            return {"t": "ellipsis"}
        if isinstance(value, bool) or (np is not None and isinstance(value, np.bool_)):
            return {"t": "bool", "v": bool(value)}
        if isinstance(value, int) or (np is not None and isinstance(value, np.integer)):
            return {"t": "int", "v": text(int(value))}
        if isinstance(value, float) or (np is not None and isinstance(value, np.floating)):
            return {"t": "float", "v": repr(float(value))}
        if isinstance(value, str):
            return {"t": "str", "v": text(value)}
        if pd is not None:
            if value is pd.NA:
                return {"t": "na"}
            if value is pd.NaT:
                return {"t": "nat"}
            if isinstance(value, pd.Timestamp):
                return {"t": "timestamp", "v": text(value.isoformat())}
            if isinstance(value, pd.Timedelta):
                return {"t": "timedelta", "v": text(value.value)}
            if isinstance(value, pd.DataFrame):
                room(value.size)
                return {"t": "frame", "columns": sequence(list(value.columns), depth),
                        "index": index(value.index, depth),
                        "data": [sequence(value.iloc[:, i].tolist(), depth) for i in range(value.shape[1])],
                        "dtypes": [text(dtype) for dtype in value.dtypes]}
            if isinstance(value, pd.Series):
                room(len(value))
                return {"t": "series", "v": sequence(value.tolist(), depth), "dtype": text(value.dtype),
                        "index": index(value.index, depth), "name": encode(value.name, depth + 1)}
            if isinstance(value, pd.Index):
                return index(value, depth)
            if isinstance(value, pd.api.extensions.ExtensionArray):
                room(len(value))
                return {"t": "array", "v": sequence(value.tolist(), depth), "dtype": text(value.dtype)}
        if np is not None and isinstance(value, np.ndarray):
            room(value.size)
            return {"t": "ndarray", "v": sequence(value.tolist(), depth)}
        if isinstance(value, datetime.datetime):
            return {"t": "datetime", "v": text(value.isoformat())}
        if isinstance(value, datetime.date):
            return {"t": "date", "v": text(value.isoformat())}
        if isinstance(value, (list, tuple)):
            room(len(value))
            return {"t": "tuple" if isinstance(value, tuple) else "list", "v": sequence(list(value), depth)}
        if isinstance(value, (set, frozenset)):
            room(len(value))
            items = sequence(list(value), depth)
            return {"t": "set", "v": sorted(items, key=lambda item: json.dumps(item, sort_keys=True))}
        if isinstance(value, dict):
            room(len(value))
            return {"t": "dict", "v": [[encode(k, depth + 1), encode(v, depth + 1)] for k, v in value.items()]}
        return {"t": "other", "type": text(type(value).__name__[:60])}

    namespace = globals()
    answers = {}
    for name in names:
        if name not in namespace:
            answers[name] = {"t": "missing"}
            continue
        spent = dict(left)
        try:
            answers[name] = encode(namespace[name])
        except TooBig as exc:
            left.update(spent)
            answers[name] = {"t": "too_big"} if exc.items is None else {"t": "too_big", "items": exc.items}
        except Exception as exc:
            left.update(spent)
            answers[name] = {"t": "unreadable", "why": type(exc).__name__[:60]}
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path + ".part", "w", encoding="utf-8") as handle:
        json.dump(answers, handle)
    os.replace(path + ".part", path)
"""


class AnswerFormatError(ValueError):
    """The serialised answers are not what the collector writes."""


def collector_cell(names: list[str], path: Path) -> str:
    """The source of the last cell run in a submission's kernel: it writes the answers to `path`."""
    return (
        KERNEL_COLLECTOR + f"\n_grader_collect({names!r}, {str(path)!r}, {MAX_NODES}, {MAX_CHARACTERS}, {MAX_DEPTH})\n"
    )


class Missing:
    """The notebook never defined the answer's name."""


class TooBig:
    """The answer was larger than the caps allow; `items`, when known, is how many items it has."""

    def __init__(self, items: int | None = None) -> None:
        self.items = items


class Unreadable:
    def __init__(self, why: str) -> None:
        self.why = why


def read_answers(content: bytes | Path, names: list[str]) -> dict[str, Any]:
    """The answers a kernel wrote (the file's bytes, read by the grader without trusting the file; or, in tests,
    its path), rebuilt as Python values; raises AnswerFormatError for a bad file."""
    if isinstance(content, Path):
        if not content.is_file():
            raise AnswerFormatError("no answers were written")
        content = content.read_bytes()
    if len(content) > MAX_FILE_BYTES:
        raise AnswerFormatError(f"the answers file is larger than {MAX_FILE_BYTES} bytes")
    try:
        raw = json.loads(content.decode("utf-8"))
    except (ValueError, RecursionError) as exc:
        raise AnswerFormatError(f"the answers file is not valid JSON ({type(exc).__name__})") from None
    if not isinstance(raw, dict):
        raise AnswerFormatError("the answers file does not hold a JSON object")
    answers: dict[str, Any] = {}
    for name in names:
        node = raw.get(name, {"t": "missing"})
        try:
            items = rebuilt_items(node)
            if items > MAX_REBUILT_ITEMS:  # refused before a single item is built
                answers[name] = TooBig(items)
                continue
            answers[name] = rebuild(node)
        except (AnswerFormatError, ValueError, TypeError, OverflowError, RecursionError) as exc:
            answers[name] = Unreadable(f"{type(exc).__name__}: {exc}"[:200])
    return answers


def _range_length(node: dict) -> int:
    """How many values a serialised range index stands for (0 when it is malformed: rebuild refuses it)."""
    start, stop, step = (node.get(key) for key in ("start", "stop", "step"))
    if not all(isinstance(n, int) and not isinstance(n, bool) for n in (start, stop, step)) or step == 0:
        return 0
    return max(0, (stop - start + step - 1) // step if step > 0 else (start - stop - step - 1) // -step)


def rebuilt_items(node: Any) -> int:
    """How many items rebuilding `node` would make (every value of every list, column and index), from the JSON
    alone: nothing is built, so an answer too large to rebuild is refused before it costs any memory."""
    items, stack = 0, [(node, 0)]
    while stack:
        node, depth = stack.pop()
        if not isinstance(node, dict) or depth > MAX_DEPTH + 2:  # rebuild refuses these
            continue
        tag = node.get("t")
        if tag == "range_index":
            items += _range_length(node)
            continue
        children = []
        for key in ("v", "columns"):
            if isinstance(node.get(key), list):
                children += node[key]
        if tag == "frame" and isinstance(node.get("data"), list):
            children += [value for column in node["data"] if isinstance(column, list) for value in column]
        if tag == "dict":
            children = [part for pair in children if isinstance(pair, list) for part in pair]
            items += len(children) // 2
        else:
            items += len(children)
        stack += [(child, depth + 1) for child in children]
        stack += [(node[key], depth + 1) for key in ("index", "name") if key in node]
    return items


def _node(node: Any, depth: int) -> tuple[str, dict]:
    if depth > MAX_DEPTH + 2:
        raise AnswerFormatError("nested too deeply")
    if not isinstance(node, dict) or not isinstance(node.get("t"), str):
        raise AnswerFormatError("a value without a type tag")
    return node["t"], node


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise AnswerFormatError("expected text")
    return value


def _values(node: dict, depth: int) -> list[Any]:
    values = node.get("v")
    if not isinstance(values, list):
        raise AnswerFormatError("expected a list of values")
    return [rebuild(item, depth + 1) for item in values]


def _dtype(name: Any) -> Any:
    """A pandas dtype from its name, or None (let pandas infer) for a name it does not know, or for a fixed width
    per value larger than MAX_ITEM_BYTES: "<U100000000" or "S100000000" allocated 400 MB or 100 MB for each value,
    whatever the JSON held (a 700-byte answers file built 2 GB)."""
    try:
        dtype = pd.api.types.pandas_dtype(_text(name))
    except (TypeError, ValueError, AnswerFormatError):
        return None
    for numpy_dtype in (dtype, getattr(dtype, "subtype", None), getattr(dtype, "numpy_dtype", None)):
        if isinstance(numpy_dtype, np.dtype) and (
            numpy_dtype.kind in "SUV" or numpy_dtype.itemsize > MAX_ITEM_BYTES or numpy_dtype.shape
        ):
            return None
    return dtype


def _with_dtype(build, values: list[Any], dtype_name: Any):
    dtype = _dtype(dtype_name)
    if dtype is not None:
        try:
            return build(values, dtype)
        except (TypeError, ValueError):
            pass
    return build(values, None)


def _index(node: Any, depth: int) -> pd.Index:
    tag, node = _node(node, depth)
    name = rebuild(node.get("name", {"t": "none"}), depth + 1)
    if tag == "range_index":
        start, stop, step = (node.get(key) for key in ("start", "stop", "step"))
        if not all(isinstance(n, int) and not isinstance(n, bool) for n in (start, stop, step)) or step == 0:
            raise AnswerFormatError("a range index needs whole numbers")
        return pd.RangeIndex(start, stop, step, name=name)
    if tag != "index":
        raise AnswerFormatError(f"expected an index, not {tag!r}")
    values = _values(node, depth)
    return _with_dtype(lambda values, dtype: pd.Index(values, dtype=dtype, name=name), values, node.get("dtype"))


def rebuild(node: Any, depth: int = 0) -> Any:
    """One serialised value as a Python value; only known tags are accepted."""
    tag, node = _node(node, depth)
    simple = {"none": None, "ellipsis": ..., "na": pd.NA, "nat": pd.NaT}
    if tag in simple:
        return simple[tag]
    if tag == "missing":
        return Missing()
    if tag == "too_big":
        items = node.get("items")
        return TooBig(items if isinstance(items, int) and not isinstance(items, bool) and items >= 0 else None)
    if tag == "unreadable":
        return Unreadable(str(node.get("why", ""))[:60])
    if tag == "bool":
        if not isinstance(node.get("v"), bool):
            raise AnswerFormatError("expected true or false")
        return node["v"]
    if tag == "int":
        digits = _text(node.get("v"))
        if len(digits) > MAX_DIGITS:
            raise AnswerFormatError("a whole number with too many digits")
        return int(digits)
    if tag == "float":
        value = _text(node.get("v"))
        if len(value) > 40:
            raise AnswerFormatError("a number written too long")
        return float(value)
    if tag == "str":
        return _text(node.get("v"))
    if tag == "timestamp":
        return pd.Timestamp(_text(node.get("v")))
    if tag == "timedelta":
        return pd.Timedelta(int(_text(node.get("v"))))
    if tag == "datetime":
        return datetime.datetime.fromisoformat(_text(node.get("v")))
    if tag == "date":
        return datetime.date.fromisoformat(_text(node.get("v")))
    if tag == "list":
        return _values(node, depth)
    if tag == "tuple":
        return tuple(_values(node, depth))
    if tag == "set":
        values = _values(node, depth)
        try:
            return set(values)
        except TypeError:  # unhashable items: keep them, in a list
            return values
    if tag == "dict":
        pairs = node.get("v")
        if not isinstance(pairs, list) or not all(isinstance(pair, list) and len(pair) == 2 for pair in pairs):
            raise AnswerFormatError("expected key-value pairs")
        return {rebuild(key, depth + 1): rebuild(value, depth + 1) for key, value in pairs}
    if tag == "ndarray":
        return np.array(_values(node, depth), dtype=object)
    if tag == "array":
        return _with_dtype(lambda values, dtype: pd.array(values, dtype=dtype), _values(node, depth), node.get("dtype"))
    if tag in ("index", "range_index"):
        return _index(node, depth)
    if tag == "series":
        index = _index(node.get("index"), depth + 1)
        name = rebuild(node.get("name", {"t": "none"}), depth + 1)
        return _with_dtype(
            lambda values, dtype: pd.Series(values, index=index, name=name, dtype=dtype),
            _values(node, depth),
            node.get("dtype"),
        )
    if tag == "frame":
        return _frame(node, depth)
    if tag == "other":
        type_name = _text(node.get("type"))[:60] or "object"
        return type(type_name, (), {"__repr__": lambda self: f"<a {type_name}>"})()
    raise AnswerFormatError(f"unknown type tag {tag!r}")


def _frame(node: dict, depth: int) -> pd.DataFrame:
    columns = [rebuild(column, depth + 1) for column in node.get("columns") or []]
    data, dtypes = node.get("data"), node.get("dtypes")
    if not isinstance(data, list) or not isinstance(dtypes, list) or not len(columns) == len(data) == len(dtypes):
        raise AnswerFormatError("a table whose columns, values and types do not line up")
    index = _index(node.get("index"), depth + 1)
    series = [
        _with_dtype(
            lambda values, dtype: pd.Series(values, index=index, dtype=dtype),
            _column_values(column, depth),
            dtype,
        )
        for column, dtype in zip(data, dtypes, strict=True)
    ]
    frame = pd.concat(series, axis=1) if series else pd.DataFrame(index=index)
    frame.columns = columns
    return frame


def _column_values(column: Any, depth: int) -> list[Any]:
    if not isinstance(column, list):
        raise AnswerFormatError("a table column that is not a list")
    return [rebuild(item, depth + 2) for item in column]


def describe_unusable(value: Any) -> str | None:
    """Why an answer cannot be judged at all (None when it can)."""
    if isinstance(value, TooBig):
        if value.items is not None and value.items > MAX_NODES:
            count = f"{value.items:,}" if value.items < 10**15 else "more than 10^15"
            return (
                f"your answer has {count} items; answers this large are not graded — check that you kept only "
                "what the question asks for"
            )
        return f"the answer is too large to grade (more than {MAX_NODES} values or {MAX_CHARACTERS} characters)"
    if isinstance(value, Unreadable):
        return f"the answer could not be read ({value.why})"
    return None
