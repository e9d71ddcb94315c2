"""``eventwatch.scale.cluster``: reading ``--cluster`` values."""

from __future__ import annotations

import os

import pytest

from eventwatch.errors import ConfigError
from eventwatch.scale import ClusterSpec, parse_cluster


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("local:1", ClusterSpec(n_workers=1)),
        ("local:3", ClusterSpec(n_workers=3)),
        (" local:2 ", ClusterSpec(n_workers=2)),
        ("tcp://127.0.0.1:8786", ClusterSpec(address="tcp://127.0.0.1:8786")),
        ("tcp://scheduler.example:8786", ClusterSpec(address="tcp://scheduler.example:8786")),
    ],
)
def test_parse_cluster_reads_local_and_scheduler_forms(spec: str, expected: ClusterSpec) -> None:
    assert parse_cluster(spec) == expected


def test_parse_cluster_local_without_count_uses_every_usable_core() -> None:
    assert parse_cluster("local") == ClusterSpec(n_workers=len(os.sched_getaffinity(0)))


@pytest.mark.parametrize("spec", ["local:0", "local:x", "locale", "tcp://host", "http://host:8786", "", "8786"])
def test_parse_cluster_rejects_other_values(spec: str) -> None:
    with pytest.raises(ConfigError, match="cluster:"):
        parse_cluster(spec)
