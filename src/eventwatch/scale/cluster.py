"""Which Dask cluster to run on: a LocalCluster started here, or an existing scheduler by address."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwatch.config import Config
from eventwatch.errors import ConfigError, EventwatchError

if TYPE_CHECKING:
    from distributed import Client

log = logging.getLogger(__name__)

_LOCAL = re.compile(r"local(?::(\d+))?")
_SCHEDULER = re.compile(r"(tcp|tls)://[^\s/:]+:\d+")


@dataclass(frozen=True, slots=True)
class ClusterSpec:
    """``n_workers`` single-threaded local worker processes, or the scheduler at ``address``."""

    n_workers: int | None = None
    address: str | None = None

    @property
    def is_local(self) -> bool:
        return self.address is None


def _usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def parse_cluster(spec: str) -> ClusterSpec:
    """``local`` (one worker per usable core), ``local:N`` or ``tcp://host:port``; ConfigError otherwise."""
    spec = spec.strip()
    local = _LOCAL.fullmatch(spec)
    if local:
        n = int(local.group(1)) if local.group(1) else _usable_cores()
        if n < 1:
            raise ConfigError(f"cluster: {spec!r}: needs at least one worker")
        return ClusterSpec(n_workers=n)
    if _SCHEDULER.fullmatch(spec):
        return ClusterSpec(address=spec)
    raise ConfigError(f"cluster: {spec!r} is neither local, local:N nor a scheduler address tcp://host:port")


@contextmanager
def connect(spec: ClusterSpec, cfg: Config) -> Iterator[Client]:
    """A ``distributed.Client`` on the cluster, with at least one worker; a local cluster is shut down after.

    Local workers are separate processes with one thread each: the pipeline is pure Python and holds the
    GIL, so threads would not run articles in parallel. Raises EventwatchError when the scheduler cannot be
    reached or no worker joins within ``scale_connect_timeout_s``.
    """
    # distributed sets its logger to INFO and logs every worker start and stop; keep stderr to our own
    # lines unless --verbose asked for debug output.
    dask_log = logging.getLogger("distributed")
    old_level = dask_log.level
    dask_log.setLevel(logging.INFO if log.isEnabledFor(logging.DEBUG) else logging.WARNING)
    try:
        if spec.is_local:
            with _local_client(spec, cfg) as client:
                yield client
        else:
            with _scheduler_client(spec, cfg) as client:
                yield client
    finally:
        dask_log.setLevel(old_level)


@contextmanager
def _local_client(spec: ClusterSpec, cfg: Config) -> Iterator[Client]:
    from distributed import Client, LocalCluster  # their constructors are unannotated: hence the ignores

    with (
        LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=spec.n_workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            scheduler_port=0,
            # The scheduler's HTTP server always starts: keep it on loopback, on a free port, without the
            # dashboard (parallel runs would otherwise fight over port 8787 on every interface).
            scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"},
        ) as cluster,
        Client(cluster, timeout=cfg.scale_connect_timeout_s) as client,  # type: ignore[no-untyped-call]
    ):
        log.info("cluster: local, %d worker processes at %s", spec.n_workers, cluster.scheduler_address)
        yield client


@contextmanager
def _scheduler_client(spec: ClusterSpec, cfg: Config) -> Iterator[Client]:
    from distributed import Client

    timeout_s = cfg.scale_connect_timeout_s
    try:
        client = Client(spec.address, timeout=timeout_s)  # type: ignore[no-untyped-call]
    except OSError as exc:
        raise EventwatchError(f"cluster: cannot reach scheduler {spec.address}: {exc}") from exc
    with client:
        try:
            client.wait_for_workers(1, timeout=timeout_s)
        except TimeoutError as exc:
            raise EventwatchError(
                f"cluster: scheduler {spec.address} has no worker after {timeout_s:.0f} s; start one "
                f"(dask worker {spec.address})"
            ) from exc
        threads = sum(client.nthreads().values())  # type: ignore[no-untyped-call]
        log.info("cluster: scheduler %s, %d worker threads", spec.address, threads)
        yield client
