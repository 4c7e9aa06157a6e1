"""Reading corpus files safely: regular files inside the corpus folder, of bounded size.

Every failure (a link out of the folder, a dangling link, a directory or fifo
where a file belongs, an unreadable or oversized file, bytes that are not UTF-8)
becomes a :class:`~negotiations.errors.CorpusError` naming the file, so it is
collected with every other problem rather than escaping as a traceback.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from negotiations.corpus._limits import Limits
from negotiations.errors import LimitExceededError, MalformedFileError, UnsafePathError


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a fifo"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def check_inside(path: Path, root: Path, display: str) -> Path:
    """``path`` with links resolved; it must exist and stay inside ``root`` (already resolved)."""
    try:
        resolved = path.resolve(strict=True)
    except FileNotFoundError:
        if path.is_symlink():
            raise UnsafePathError("a dangling symbolic link", file=display) from None
        raise MalformedFileError("file is missing", file=display) from None
    except (OSError, RuntimeError) as error:  # RuntimeError: a symlink loop
        raise UnsafePathError(f"cannot resolve the path ({error})", file=display) from None
    if not resolved.is_relative_to(root):
        raise UnsafePathError(
            "the path leads outside the corpus folder",
            file=display,
            expected=f"a file inside {root.name}/",
            found=str(resolved),
        )
    return resolved


def read_text(path: Path, root: Path, display: str, limits: Limits) -> str:
    """The UTF-8 text of a regular file inside ``root``, at most ``limits.max_file_bytes`` long."""
    resolved = check_inside(path, root, display)
    try:
        mode = resolved.stat().st_mode
    except OSError as error:
        raise MalformedFileError(f"cannot read the file ({error.strerror})", file=display) from None
    if not stat.S_ISREG(mode):  # checked before opening: opening a fifo would block
        raise UnsafePathError(
            f"{_kind(mode)} where a file belongs", file=display, expected="a regular file"
        )
    try:
        fd = os.open(resolved, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise MalformedFileError(f"cannot read the file ({error.strerror})", file=display) from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):  # swapped since the check
            raise UnsafePathError("not a regular file", file=display, expected="a regular file")
        data = handle.read(limits.max_file_bytes + 1)
    if len(data) > limits.max_file_bytes:
        raise LimitExceededError(
            f"file is larger than the limit of {limits.max_file_bytes} bytes",
            file=display,
            expected=f"at most {limits.max_file_bytes} bytes",
            found=f"more than {limits.max_file_bytes} bytes",
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise MalformedFileError(
            f"file is not UTF-8 ({error.reason} at byte {error.start})", file=display, line=line
        ) from None


def listing(folder: Path, pattern: str, display: str, limits: Limits) -> list[Path]:
    """The files matching ``pattern`` in ``folder``, sorted; too many is a limit error."""
    try:
        paths = sorted(folder.glob(pattern))
    except OSError as error:
        raise MalformedFileError(
            f"cannot list the folder ({error.strerror})", file=display
        ) from None
    if len(paths) > limits.max_files:
        raise LimitExceededError(
            f"more than {limits.max_files} files match {pattern}",
            file=display,
            expected=f"at most {limits.max_files}",
            found=len(paths),
        )
    return paths
