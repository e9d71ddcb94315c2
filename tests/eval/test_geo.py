from __future__ import annotations

from pathlib import Path

import pytest

from eventwatch.eval.geo import auc_of_errors, evaluate_trnews, format_table
from eventwatch.geo import Gazetteer

# shared/ sits beside the repository (CI clones main with shared/ next to it); a missing file fails.
TRNEWS_DEV = Path(__file__).resolve().parents[2].parent / "shared" / "geo" / "trnews" / "dev.jsonl.gz"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    from eventwatch.config import DATA_DIR

    path = DATA_DIR / "gazetteer.sqlite"
    if not path.is_file():
        from eventwatch.geo.build import build_index

        build_index(path)
    return Gazetteer.open(path)


def test_auc_of_errors_zero_errors_is_zero() -> None:
    assert auc_of_errors([0.0, 0.0, 0.0]) == 0.0


def test_auc_of_errors_antipodal_errors_is_one() -> None:
    assert auc_of_errors([20039.0, 20039.0]) == pytest.approx(1.0, abs=1e-3)


def test_evaluate_trnews_dev_meets_floor(gaz: Gazetteer) -> None:
    # Floors sit a little under the dev figures (Acc@161 0.870, exact id 0.898); the cap on Acc@161 is the
    # estimated points of Canada and large admin1 units (see data/geo/README.md).
    scores = evaluate_trnews(TRNEWS_DEV, gaz)
    assert scores.n == 716
    assert scores.acc161 >= 0.85
    assert scores.exact_id >= 0.86
    assert "| dev | 716 |" in format_table([scores])
