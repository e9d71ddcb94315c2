"""Feed articles to a Dask cluster in batches and hand back each batch's results as it completes.

The workers return analyses and the caller stores them, rather than each worker writing the store itself:
a worker then needs no access to the database (a SQLite file on this machine is out of reach of workers on
other hosts), and a worker killed mid-batch has written nothing, so the batch that Dask runs again on
another worker is stored exactly once (and ``store.save`` is idempotent anyway).
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from eventwatch.config import Config
from eventwatch.errors import EventwatchError
from eventwatch.records import Article
from eventwatch.scale.cluster import ClusterSpec, connect
from eventwatch.scale.tasks import LoadModels, Result, analyse_batch

if TYPE_CHECKING:
    from distributed import Client

log = logging.getLogger(__name__)


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while batch := list(itertools.islice(it, max(1, size))):
        yield batch


def process_on_cluster(articles: Iterable[Article], cfg: Config, spec: ClusterSpec) -> Iterator[list[Result]]:
    """Connect to the cluster ``spec`` names (starting it when local) and :func:`process_on_client` there."""
    with connect(spec, cfg) as client:
        yield from process_on_client(client, articles, cfg)


def process_on_client(client: Client, articles: Iterable[Article], cfg: Config) -> Iterator[list[Result]]:
    """Yield the results of each batch of ``cfg.scale_batch_size`` articles, in completion order.

    At most ``scale_batches_per_worker`` batches per worker thread are queued at a time, so a long input
    is read as the workers get through it rather than all at once. A batch whose worker dies is run again
    by the scheduler on another worker (up to ``distributed.scheduler.allowed-failures`` times); then
    EventwatchError is raised (results already yielded are the caller's to keep).
    """
    from distributed import as_completed

    client.register_plugin(LoadModels(cfg), name=LoadModels.name)
    threads = max(1, sum(client.nthreads().values()))  # type: ignore[no-untyped-call]
    queue_limit = threads * max(1, cfg.scale_batches_per_worker)
    running = as_completed()  # type: ignore[no-untyped-call]
    n_running = 0

    def next_done() -> list[Result]:
        future = next(running)
        try:
            results: list[Result] = future.result()
        except Exception as exc:  # KilledWorker, a cancelled future, or what the task itself raised
            raise EventwatchError(f"cluster: a batch failed ({type(exc).__name__}: {exc}); run stopped") from exc
        future.release()
        return results

    for batch in _batches(articles, cfg.scale_batch_size):
        # pure=False: a batch is a unit of work, not a value to deduplicate by content.
        running.add(client.submit(analyse_batch, batch, cfg, pure=False))  # type: ignore[no-untyped-call]
        n_running += 1
        if n_running >= queue_limit:
            n_running -= 1
            yield next_done()
    for _ in range(n_running):
        yield next_done()
