"""Code run in child processes by the concurrency tests (importable by multiprocessing's spawn)."""

from __future__ import annotations

from multiprocessing.queues import Queue
from multiprocessing.synchronize import Barrier

from eventwatch.store import open_store
from tests.store._records import one_event_analysis, variant_text


def save_variants(path: str, numbers: list[int], barrier: Barrier, results: Queue[list[str]]) -> None:
    """Once the other worker is ready, open the store at ``path``, save variant articles, report outcomes.

    An error is reported as ``["error: <message>"]`` (so the parent fails at once instead of waiting on the
    queue) and raised again, so the child also exits non-zero with its traceback on stderr.
    """
    analyses = [one_event_analysis(variant_text(n), f"ev-{n:03d}") for n in numbers]
    barrier.wait(timeout=60)
    try:
        with open_store(path) as store:
            results.put([str(store.save(a)) for a in analyses])
    except Exception as exc:
        results.put([f"error: {exc}"])
        raise
