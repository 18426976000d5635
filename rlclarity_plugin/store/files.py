"""The store's file layer: local paths through ``os``, URLs through fsspec.

Every reader and writer of the store (the analysis job, ``LogdirReader``, the TensorBoard
plugin, the export) goes through these functions, so a logdir may be a local path or a URL of
any scheme fsspec has an implementation for: ``s3://`` (extra ``s3``: s3fs), ``gs://`` (extra
``gcs``: gcsfs), ``az://`` / ``abfs://`` (extra ``azure``: adlfs), ``memory://`` and more.

The atomic-write rule is the same everywhere: a file is written whole under a temporary name
and then renamed to its final name (on object stores the rename is a server-side copy, so a
reader sees either no object or the complete one), and an analysis' ``manifest.json`` is
published last.

S3-compatible servers other than AWS: ``S3_ENDPOINT`` (the variable TensorBoard's own S3 reader
uses, e.g. ``http://127.0.0.1:9000``) or botocore's ``AWS_ENDPOINT_URL_S3`` /
``AWS_ENDPOINT_URL`` name the endpoint; credentials come from the usual AWS variables/files.
"""

from __future__ import annotations

import errno
import os
import posixpath
import shutil
import uuid

# scheme -> (package fsspec needs, our extra that installs it)
_PACKAGES = {"s3": ("s3fs", "s3"), "s3a": ("s3fs", "s3"), "gs": ("gcsfs", "gcs"),
             "gcs": ("gcsfs", "gcs"), "az": ("adlfs", "azure"), "abfs": ("adlfs", "azure"),
             "abfss": ("adlfs", "azure")}


class FileLayerError(ValueError):
    """A URL whose scheme cannot be used here (unknown, or its package missing)."""


def is_url(path: str) -> bool:
    """True for ``scheme://...`` other than ``file://``."""
    return "://" in path and not path.startswith("file://")


def scheme(path: str) -> str:
    return path.split("://", 1)[0] if is_url(path) else ""


def _local(path: str) -> str:
    return path[len("file://"):] if path.startswith("file://") else path


def normalize(path: str) -> str:
    """A logdir as the store uses it: URLs without a trailing ``/``, local paths absolute."""
    if is_url(path):
        head, rest = path.split("://", 1)
        return f"{head}://{rest.rstrip('/')}"
    return os.path.abspath(os.path.expanduser(_local(path)))


def join(base: str, *parts: str) -> str:
    """``base/part/...`` with ``/`` (the store's separator on every system)."""
    return "/".join([base.rstrip("/"), *(p.strip("/") for p in parts if p)])


def _fs(url: str):
    """``(filesystem, path without the scheme)`` for a URL."""
    try:
        import fsspec
    except ImportError as e:  # pragma: no cover - fsspec is a dependency
        raise FileLayerError(f"{url}: URLs need fsspec (pip install fsspec)") from e
    proto = scheme(url)
    options = {}
    if proto in ("s3", "s3a"):
        endpoint = os.environ.get("S3_ENDPOINT")
        if endpoint:
            if "://" not in endpoint:  # TensorBoard / TF accept a bare host:port
                use_https = os.environ.get("S3_USE_HTTPS", "1") not in ("0", "false")
                endpoint = ("https://" if use_https else "http://") + endpoint
            options["endpoint_url"] = endpoint
    try:
        return fsspec.core.url_to_fs(url, **options)
    except ImportError as e:
        package, extra = _PACKAGES.get(proto, ("the fsspec implementation", None))
        hint = f"pip install 'rl-clarity[{extra}]'" if extra else f"install {package}"
        raise FileLayerError(f"{url}: {proto}:// logdirs need {package} ({hint}): {e}") from e
    except ValueError as e:
        raise FileLayerError(f"{url}: no file system for the scheme {proto}:// ({e})") from e


def exists(path: str) -> bool:
    if not is_url(path):
        return os.path.exists(_local(path))
    fs, p = _fs(path)
    fs.invalidate_cache(p)
    return fs.exists(p)


def isfile(path: str) -> bool:
    if not is_url(path):
        return os.path.isfile(_local(path))
    fs, p = _fs(path)
    fs.invalidate_cache(p)
    return fs.isfile(p)


def isdir(path: str) -> bool:
    if not is_url(path):
        return os.path.isdir(_local(path))
    fs, p = _fs(path)
    fs.invalidate_cache(p)
    try:
        return fs.isdir(p)
    except (FileNotFoundError, PermissionError):
        return False


def listdir(path: str) -> list[str]:
    """Names (not paths) in a folder; ``[]`` if it does not exist."""
    if not is_url(path):
        try:
            return sorted(os.listdir(_local(path)))
        except (FileNotFoundError, NotADirectoryError):
            return []
    fs, p = _fs(path)
    fs.invalidate_cache(p)
    try:
        entries = fs.ls(p, detail=False)
    except FileNotFoundError:
        return []
    base = p.rstrip("/")
    return sorted(posixpath.basename(e.rstrip("/")) for e in entries
                  if e.rstrip("/") != base)


def walk(path: str):
    """``os.walk``-like, top down (callers may prune ``dirnames`` in place); the yielded
    folder is a full path (URL for URLs)."""
    if not is_url(path):
        yield from os.walk(_local(path))
        return
    fs, p = _fs(path)
    fs.invalidate_cache(p)
    prefix = path.split("://", 1)[0] + "://"
    stack = [p.rstrip("/")]
    while stack:
        folder = stack.pop()
        try:
            entries = fs.ls(folder, detail=True)
        except FileNotFoundError:
            continue
        dirs, files = [], []
        for entry in entries:
            name = posixpath.basename(entry["name"].rstrip("/"))
            if entry["name"].rstrip("/") == folder:
                continue
            (dirs if entry["type"] == "directory" else files).append(name)
        dirs.sort()
        files.sort()
        yield prefix + folder, dirs, files
        stack.extend(f"{folder}/{d}" for d in reversed(dirs))


def read(path: str, start: int | None = None, length: int | None = None) -> bytes:
    """A whole file, or ``length`` bytes from ``start``. Raises ``FileNotFoundError``."""
    if not is_url(path):
        with open(_local(path), "rb") as f:
            if start is None:
                return f.read()
            f.seek(start)
            return f.read(length)
    fs, p = _fs(path)
    if start is None:
        return fs.cat_file(p)
    return fs.cat_file(p, start=start, end=start + length)


def open_read(path: str):
    """A binary file object for streaming reads (event files)."""
    if not is_url(path):
        return open(_local(path), "rb")
    fs, p = _fs(path)
    return fs.open(p, "rb")


def signature(path: str) -> tuple:
    """What changes when the file is rewritten: ``(mtime or ETag, size)``."""
    if not is_url(path):
        st = os.stat(_local(path))
        return st.st_mtime_ns, st.st_size
    fs, p = _fs(path)
    fs.invalidate_cache(p)
    info = fs.info(p)
    tag = info.get("ETag") or info.get("etag") or info.get("md5Hash") or info.get("mtime") \
        or info.get("LastModified") or info.get("last_modified") or info.get("updated")
    return str(tag), int(info.get("size") or 0)


def makedirs(path: str) -> None:
    """Create a folder and its parents (object stores have no folders: nothing to do)."""
    if not is_url(path):
        os.makedirs(_local(path), exist_ok=True)


def write_atomic(path: str, data: bytes, temp_dir: str | None = None) -> None:
    """Write ``data`` to a temporary name, then rename it to ``path``.

    ``temp_dir``: where the temporary file goes (default: beside ``path``); it must be on the
    same file system. The temporary name never contains "tfevents", so TensorBoard does not
    read a half-written event file.
    """
    folder = temp_dir or posixpath.dirname(path.rstrip("/"))
    tmp = join(folder, f".{posixpath.basename(path)[:40].replace('tfevents', 'tfev')}"
                       f".tmp-{uuid.uuid4().hex[:8]}")
    if not is_url(path):
        local, local_tmp = _local(path), _local(tmp)
        os.makedirs(os.path.dirname(local) or ".", exist_ok=True)
        os.makedirs(os.path.dirname(local_tmp) or ".", exist_ok=True)
        try:
            with open(local_tmp, "wb") as f:
                f.write(data)
            os.replace(local_tmp, local)
        except BaseException as e:
            if os.path.exists(local_tmp):
                os.remove(local_tmp)
            if isinstance(e, OSError) and e.errno and not e.filename:  # e.g. ENOSPC on write
                raise OSError(e.errno, e.strerror or os.strerror(e.errno), local) from e
            raise
        return
    fs, p = _fs(path)
    _, p_tmp = _fs(tmp)
    fs.pipe_file(p_tmp, data)
    try:
        fs.mv(p_tmp, p)
    except BaseException:
        if fs.exists(p_tmp):
            fs.rm_file(p_tmp)
        raise
    fs.invalidate_cache(posixpath.dirname(p))


def remove(path: str) -> None:
    """Delete one file; a missing file is not an error."""
    if not is_url(path):
        try:
            os.remove(_local(path))
        except FileNotFoundError:
            pass
        return
    fs, p = _fs(path)
    try:
        fs.rm_file(p)
    except FileNotFoundError:
        pass
    fs.invalidate_cache(posixpath.dirname(p))


def rmtree(path: str) -> None:
    if not is_url(path):
        shutil.rmtree(_local(path), ignore_errors=True)
        return
    fs, p = _fs(path)
    try:
        fs.rm(p, recursive=True)
    except FileNotFoundError:
        pass
    fs.invalidate_cache(p)


def check_usable(logdir: str) -> None:
    """Fail early and clearly when a logdir URL's scheme cannot be used here."""
    if is_url(logdir):
        _fs(logdir)


def check_writable(logdir: str) -> None:
    """Fail early (before any heavy work) when files cannot be written under a logdir.

    URLs: a test object is written and removed (a missing bucket, no credentials, no
    permission raise ``FileLayerError``). Local folders: nothing is created; the nearest
    existing folder on the way must be a folder (``NotADirectoryError``), on a writable file
    system (``OSError`` EROFS) and writable by this user (``PermissionError``)."""
    if not is_url(logdir):
        check_local_writable(_local(logdir))
        return
    fs, p = _fs(logdir)
    probe = f"{p.rstrip('/')}/.rl_clarity-write-check-{uuid.uuid4().hex[:8]}"
    try:
        fs.pipe_file(probe, b"")
        fs.rm_file(probe)
    except Exception as e:  # each implementation has its own errors
        raise FileLayerError(f"cannot write to the logdir {logdir}: {type(e).__name__}: "
                             f"{e}") from e


def check_local_writable(folder: str) -> None:
    """Raise the ``OSError`` that writing a file under local ``folder`` (created as needed)
    would raise, without creating anything: ``NotADirectoryError`` when a file stands on the
    way, ``OSError(EROFS)`` on a read-only file system, ``PermissionError`` without write
    permission (root has it everywhere but on read-only file systems)."""
    path = os.path.abspath(os.path.expanduser(folder))
    while not os.path.lexists(path):
        parent = os.path.dirname(path)
        if parent == path:
            return
        path = parent
    if not os.path.isdir(path):
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), path)
    if os.statvfs(path).f_flag & os.ST_RDONLY:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), path)
    if not os.access(path, os.W_OK | os.X_OK):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), path)
