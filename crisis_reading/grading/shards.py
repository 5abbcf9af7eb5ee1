"""Split a class into shards that separate machines grade, and merge their outputs into one gradebook.

Each run writes OUT/run.json: which shard it was (i/n, or none), the grader's
fingerprint (code, data and limits) and the jobs it graded. `merge` reads the
run.json and results of every shard's OUT folder, refuses a set with a shard
missing, twice, or graded with other settings, and writes the reports for the
whole class.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from crisis_reading.grading.integrity import KEY_ENV_VAR, verified


class MergeError(ValueError):
    pass


def class_identity(jobs) -> dict[str, Any]:
    """What makes shards one class: the exercises graded and the whole class's list of students (as a hash, so a
    shard's folder does not list the students it did not grade)."""
    students = sorted({job.student for job in jobs})
    return {
        "exercises": sorted({job.exercise for job in jobs}),
        "class": hashlib.sha256("\n".join(students).encode("utf-8")).hexdigest(),
    }


def write_manifest(
    out: Path, shard: tuple[int, int] | None, grader: str, keys: list[str], identity: dict[str, Any] | None = None
) -> None:
    manifest = {"shard": f"{shard[0]}/{shard[1]}" if shard else None, "fingerprint": grader, "jobs": keys}
    manifest |= identity or {}
    (out / "run.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")


def read_shard(folder: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    manifest_path = folder / "run.json"
    if not manifest_path.is_file():
        raise MergeError(f"{folder}: no run.json; is this the --out folder of a finished grading run?")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    results = []
    for key in manifest["jobs"]:
        path = folder / "results" / f"{key}.json"
        if not path.is_file():
            raise MergeError(f"{folder}: the result {path.name} is missing; grade this shard again to finish it")
        result = json.loads(path.read_text(encoding="utf-8"))
        if not verified(result):
            raise MergeError(
                f"{folder}: the result {path.name} is unsigned or was changed after grading (or was graded with "
                f"another grader key: give every machine the same key file in {KEY_ENV_VAR})"
            )
        results.append(result)
    return manifest, results


def merge(folders: list[Path]) -> list[dict[str, Any]]:
    """The results of every shard, checked to be one complete set graded the same way."""
    if not folders:
        raise MergeError("give the --out folders of the shards to merge")
    seen: dict[int, Path] = {}
    counts, fingerprints, classes, exercises, results = set(), set(), set(), set(), []
    for folder in folders:
        manifest, shard_results = read_shard(folder)
        if not manifest.get("shard"):
            raise MergeError(f"{folder}: this run was not a shard (no --shard i/n)")
        index, count = (int(part) for part in manifest["shard"].split("/"))
        if index in seen:
            raise MergeError(f"shard {index}/{count} is given twice: {seen[index]} and {folder}")
        seen[index] = folder
        counts.add(count)
        fingerprints.add(manifest["fingerprint"])
        classes.add(manifest.get("class"))
        exercises.add(tuple(manifest.get("exercises") or ()))
        results += shard_results
    if len(counts) != 1:
        raise MergeError(f"the shards were cut in different numbers of pieces: {sorted(counts)}")
    if len(fingerprints) != 1:
        raise MergeError("the shards were graded with different code, data or limits; grade them again alike")
    if len(exercises) != 1:
        raise MergeError(f"the shards graded different exercises: {sorted(map(list, exercises))}; grade them alike")
    if len(classes) != 1:
        raise MergeError("the shards were cut from different folders of submissions (their lists of students differ)")
    (count,) = counts
    missing = sorted(set(range(1, count + 1)) - set(seen))
    if missing:
        raise MergeError(f"shard(s) {', '.join(f'{i}/{count}' for i in missing)} missing: grade them, then merge")
    return sorted(results, key=lambda result: (result["student"], result["exercise"]))
