"""Results only the grader could have written: each stored result is signed with a key no kernel ever sees.

The key lives in the grading user's own configuration folder (~/.config/crisis-reading/grader.key, created
0600 on first use), or in the file CRISIS_READING_GRADER_KEY_FILE names (the same file on every machine that
grades a shard). Kernels run in a sandbox that holds neither the home folder nor the grader's environment, so
a submission cannot read it; a result edited after the run, by anyone without the key, no longer verifies, and
a resume or a merge refuses it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from pathlib import Path
from typing import Any

KEY_ENV_VAR = "CRISIS_READING_GRADER_KEY_FILE"
SIGNATURE = "signature"


def key_file() -> Path:
    override = os.environ.get(KEY_ENV_VAR)
    return Path(override) if override else Path.home() / ".config" / "crisis-reading" / "grader.key"


def grader_key() -> bytes:
    """The signing key, made on first use (32 random bytes, readable by the grading user only)."""
    path = key_file()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(secrets.token_hex(32))
    return bytes.fromhex(path.read_text(encoding="ascii").strip())


def _digest(content: dict[str, Any], key: bytes) -> str:
    unsigned = {name: value for name, value in content.items() if name != SIGNATURE}
    canonical = json.dumps(unsigned, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hmac.new(key, canonical.encode("utf-8"), hashlib.sha256).hexdigest()


def signed(content: dict[str, Any], key: bytes | None = None) -> dict[str, Any]:
    return {**content, SIGNATURE: _digest(content, key or grader_key())}


def verified(content: Any, key: bytes | None = None) -> bool:
    """True when `content` is a result this grader's key signed, unchanged since."""
    if not isinstance(content, dict) or not isinstance(content.get(SIGNATURE), str):
        return False
    return hmac.compare_digest(content[SIGNATURE], _digest(content, key or grader_key()))
