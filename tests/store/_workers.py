"""Code run in child processes by the concurrency tests (importable by multiprocessing's spawn)."""

from __future__ import annotations

from multiprocessing.queues import Queue
from multiprocessing.synchronize import Barrier

from eventwatch.records import Source, SourceKind
from eventwatch.store import open_store
from tests.store._records import one_event_analysis, variant_text

SHARED_SOURCES = (Source("Reuters", SourceKind.MEDIA), Source("Dmitry Peskov", SourceKind.OFFICIAL))


def save_variants(
    path: str, numbers: list[int], barrier: Barrier, results: Queue[list[str]], event_id: str | None = None
) -> None:
    """Once the other worker is ready, open the store at ``path``, save variant articles, report outcomes.

    Each variant reports its own event ``ev-<n>``, or all report ``event_id`` when given (one shared event,
    claimed by the same two sources, so both processes upsert the same rows).

    An error is reported as ``["error: <message>"]`` (so the parent fails at once instead of waiting on the
    queue) and raised again, so the child also exits non-zero with its traceback on stderr.
    """
    if event_id is None:
        analyses = [one_event_analysis(variant_text(n), f"ev-{n:03d}") for n in numbers]
    else:
        analyses = [one_event_analysis(variant_text(n), event_id, sources=SHARED_SOURCES) for n in numbers]
    barrier.wait(timeout=60)
    try:
        with open_store(path) as store:
            results.put([str(store.save(a)) for a in analyses])
    except Exception as exc:
        results.put([f"error: {exc}"])
        raise
