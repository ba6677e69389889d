"""What a study is about, checked when a process joins it, and carried into the params it writes.

A study pools the trials of every process that runs it (SQLite or PostgreSQL storage). Trials
are only comparable if they saw the same bars, costs, symbols, range and code: the first
process records that identity on the study, and a process that finds a different one is
refused with the differences named (before, such processes merged silently).
"""

import hashlib
import os
import socket
import subprocess

from .errors import OptimizerError

IDENTITY_ATTR = "identity"
IDENTITY_KEYS = ("data_fingerprint", "symbols", "costs", "from", "to", "objective", "code_version", "search")


def code_version(repo):
    """git commit of the repository (+ "-dirty" with uncommitted changes), or "unknown" outside git."""
    try:
        head = subprocess.run(["git", "-C", repo, "rev-parse", "HEAD"], capture_output=True, text=True,
                              timeout=10, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", repo, "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, timeout=10, check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return head + ("-dirty" if dirty else "")


def process_seed():
    """A default sampler seed distinct per process (host and pid), so processes sharing a study
    do not draw the same trials; it is recorded, so a run can be repeated with --seed."""
    digest = hashlib.sha256(f"{socket.gethostname()}:{os.getpid()}".encode()).digest()
    return int.from_bytes(digest[:4], "big") & 0x7FFFFFFF


def study_identity(info, date_from, date_to, objective, version, search=None):
    """What a study is of; `search` (the optimizer's --decision/--labels) only when it is not today's
    default space, so a study created before those options existed still matches its default."""
    identity = {
        "data_fingerprint": info["data_fingerprint"],
        "symbols": list(info["symbols"]),
        "costs": dict(sorted(info["costs"].items())),
        "from": date_from,
        "to": date_to,
        "objective": objective,
        "code_version": version,
    }
    if search is not None:
        identity["search"] = search
    return identity


def differences(recorded, mine):
    return [f"{key}: study has {recorded.get(key)!r}, this process {mine.get(key)!r}"
            for key in IDENTITY_KEYS if recorded.get(key) != mine.get(key)]


def join_study(study, identity):
    """Record the identity on a new study, or refuse to join one recorded with another.

    Two processes creating the same study at once may both write: the second read decides, so
    the loser of that race is refused too rather than pooled."""
    recorded = study.user_attrs.get(IDENTITY_ATTR)
    if recorded is None:
        study.set_user_attr(IDENTITY_ATTR, identity)
        recorded = study.user_attrs.get(IDENTITY_ATTR, identity)
    diff = differences(recorded, identity)
    if diff:
        raise OptimizerError(f"study {study.study_name} was created for other inputs; refusing to join it "
                             f"(use another --study or the same inputs): " + "; ".join(diff), 2)


def provenance_block(study_name, identity, trials, dsr, pbo, sessions):
    """The `provenance` section of a params file the optimizer writes (DESIGN section 9)."""
    return {
        "study": study_name,
        "data_fingerprint": identity["data_fingerprint"],
        "trained_from": identity["from"],
        "trained_to": identity["to"],
        "trained_sessions": sessions,
        "symbols": identity["symbols"],
        "costs": identity["costs"],
        "objective": identity["objective"],
        "trials": trials,
        "deflated_sharpe": dsr,
        "pbo": pbo,
        "code_version": identity["code_version"],
    }
