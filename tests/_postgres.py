"""A throwaway PostgreSQL server for the tests: its own cluster in a temporary folder, on a free loopback port.

The Debian server binaries (``/usr/lib/postgresql/<version>/bin``) must be installed (``make test`` installs
them); without them the fixtures fail with a message saying so, never skip. ``initdb`` refuses to run as
root, so as root the cluster is created and run as the ``postgres`` system user. The server runs with
``fsync=off``: a crash only loses a cluster that is deleted anyway. It is stopped by its own pid.
"""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from glob import glob
from pathlib import Path

import psycopg

BIN_GLOB = "/usr/lib/postgresql/*/bin"
START_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 30.0
SUPERUSER = "postgres"


class PostgresUnavailable(RuntimeError):
    """The server cannot be started here; the message says why and what to install."""


def find_bin_dir() -> Path:
    """The newest installed server's ``bin`` folder (the one holding ``initdb``)."""
    found = [Path(d) for d in glob(BIN_GLOB) if (Path(d) / "initdb").is_file()]
    if not found:
        raise PostgresUnavailable(
            f"PostgreSQL server binaries not found ({BIN_GLOB}/initdb): install the Debian package "
            "`postgresql` (`make system-deps` does it as root)"
        )
    return max(found, key=lambda d: int(d.parent.name) if d.parent.name.isdigit() else 0)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _run_as() -> str | None:
    """The user to run the server as: ``postgres`` when we are root, else ourselves (None)."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam(SUPERUSER)
    except KeyError as exc:
        raise PostgresUnavailable("running as root but there is no `postgres` user to run initdb as") from exc
    return SUPERUSER


def _temp_parent(user: str | None) -> str | None:
    """Where to make the cluster's folder: the usual temporary folder, unless ``user`` could not reach it
    (a private TMPDIR such as /root/tmp); then /tmp."""
    if user is None:
        return None
    usual = Path(tempfile.gettempdir()).resolve()
    reachable = all(os.stat(folder).st_mode & 0o001 for folder in (usual, *usual.parents))
    return None if reachable else "/tmp"


@dataclass
class PostgresServer:
    """One running cluster; ``url(dbname)`` gives a SQLAlchemy-style URL to one of its databases."""

    root: Path
    port: int
    process: subprocess.Popen[bytes]
    log_path: Path
    _db_numbers: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{dbname}"

    def conninfo(self, dbname: str = "postgres") -> str:
        return f"host=127.0.0.1 port={self.port} user={SUPERUSER} dbname={dbname}"

    def create_database(self) -> str:
        """Create a new, empty database and return its name."""
        name = f"test_{next(self._db_numbers):04d}"
        with psycopg.connect(self.conninfo(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
        return name

    def drop_database(self, name: str) -> None:
        """Drop a database, ending any session still connected to it (a test that forgot to close)."""
        with psycopg.connect(self.conninfo(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def log_tail(self, n_chars: int = 2000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-n_chars:]
        except OSError:
            return ""

    def stop(self) -> None:
        """Fast shutdown (SIGINT to the postmaster's own pid), then SIGKILL if it hangs; delete the folder."""
        try:
            if self.process.poll() is None:
                self.process.send_signal(signal.SIGINT)
                try:
                    self.process.wait(timeout=STOP_TIMEOUT_S)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait(timeout=STOP_TIMEOUT_S)
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def _wait_ready(server: PostgresServer) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while True:
        if server.process.poll() is not None:
            raise PostgresUnavailable(
                f"postgres exited with status {server.process.returncode} while starting:\n{server.log_tail()}"
            )
        try:
            with psycopg.connect(server.conninfo(), connect_timeout=2):
                return
        except psycopg.OperationalError as exc:
            if time.monotonic() > deadline:
                raise PostgresUnavailable(
                    f"postgres not ready after {START_TIMEOUT_S:.0f} s: {exc}\n{server.log_tail()}"
                ) from exc
            time.sleep(0.05)


def start_server() -> PostgresServer:
    """initdb a new cluster under a temporary folder and start it on a free port of 127.0.0.1.

    Raises PostgresUnavailable (with the server log's tail) when the binaries are missing or it fails.
    """
    bin_dir = find_bin_dir()
    user = _run_as()
    root = Path(tempfile.mkdtemp(prefix="eventwatch-pg-", dir=_temp_parent(user)))
    data, sockets, log_path = root / "data", root / "sockets", root / "postgres.log"
    sockets.mkdir()
    log_path.touch()
    if user is not None:
        entry = pwd.getpwnam(user)
        for path in (root, sockets, log_path):
            os.chown(path, entry.pw_uid, entry.pw_gid)
    try:
        init = subprocess.run(
            [bin_dir / "initdb", "-D", data, "-U", SUPERUSER, "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"],
            user=user,
            capture_output=True,
            text=True,
            check=False,
        )
        if init.returncode != 0:
            raise PostgresUnavailable(f"initdb failed ({init.returncode}): {init.stderr.strip()[-2000:]}")
        port = _free_port()
        settings = {
            "listen_addresses": "127.0.0.1",
            "port": str(port),
            "unix_socket_directories": str(sockets),
            "fsync": "off",
            "synchronous_commit": "off",
            "full_page_writes": "off",
            "max_connections": "200",
        }
        args = [str(bin_dir / "postgres"), "-D", str(data)]
        for key, value in settings.items():
            args += ["-c", f"{key}={value}"]
        with log_path.open("ab") as log:
            process = subprocess.Popen(
                args, user=user, stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True
            )
    except BaseException:
        shutil.rmtree(root, ignore_errors=True)
        raise
    server = PostgresServer(root=root, port=port, process=process, log_path=log_path)
    try:
        _wait_ready(server)
    except BaseException:
        server.stop()
        raise
    return server
