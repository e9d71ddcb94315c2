"""``eventwatch watch`` as a user runs it: a subprocess against a served site, stopped by --once or SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from eventwatch.store import open_store
from tests.watch._server import STORIES, FeedServer, Route, news_page, rss


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("EVENTWATCH_")}
    env.update(EVENTWATCH_WATCH_HOST_DELAY_S="0", EVENTWATCH_WATCH_READ_TIMEOUT_S="0.5")
    return env


def _command(watch_list: Path, tmp_path: Path, *options: str) -> list[str]:
    db = str(tmp_path / "w.db")
    return [sys.executable, "-m", "eventwatch.cli.main", "watch", str(watch_list), "--db", db, *options]


def _serve_site(site: FeedServer) -> None:
    title, paragraphs = STORIES[1]
    site.routes["/news/1.html"] = Route(body=news_page(title, paragraphs))
    site.routes["/feed.xml"] = Route(body=rss([(title, "/news/1.html")]), content_type="application/rss+xml")
    site.routes["/down.xml"] = Route(body=b"down", status=500, content_type="text/plain")


def test_watch_once_stores_new_articles_and_exits_3_naming_the_bad_feed(site: FeedServer, tmp_path: Path) -> None:
    _serve_site(site)
    watch_list = tmp_path / "feeds.txt"
    watch_list.write_text(f"# test site\n{site.url('/down.xml')}\nfeed {site.url('/feed.xml')}\n", encoding="utf-8")
    result = subprocess.run(
        _command(watch_list, tmp_path, "--once"), capture_output=True, text=True, env=_env(), timeout=240, check=False
    )
    assert result.returncode == 3, result.stderr
    lines = result.stderr.splitlines()
    assert [line for line in lines if site.url("/down.xml") in line] == [
        f"ingest: {site.url('/down.xml')}: HTTP 500; skipped"
    ]
    assert lines[-1].startswith("watch: 1 poll(s) of 2 URL(s); 1 stored, 0 duplicate, 0 not modified, 1 problems"), (
        lines
    )
    assert (tmp_path / "w.db.watch.json").is_file()
    with open_store(str(tmp_path / "w.db")) as st:
        assert [a.url for a in st.iter_articles()] == [site.url("/news/1.html")]


def test_watch_stops_cleanly_on_sigterm(site: FeedServer, tmp_path: Path) -> None:
    _serve_site(site)
    watch_list = tmp_path / "feeds.txt"
    watch_list.write_text(site.url("/feed.xml") + "\n", encoding="utf-8")
    log = tmp_path / "stderr.txt"
    with log.open("w") as err:
        proc = subprocess.Popen(
            _command(watch_list, tmp_path, "--interval", "1h"), stderr=err, stdout=subprocess.DEVNULL, env=_env()
        )
        try:
            deadline = time.monotonic() + 240
            while "watch: poll 1:" not in log.read_text() and time.monotonic() < deadline and proc.poll() is None:
                time.sleep(0.1)
            proc.send_signal(signal.SIGTERM)
            code = proc.wait(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    text = log.read_text()
    assert code == 0, text
    assert "SIGTERM received" in text
    assert "watch: 1 poll(s) of 1 URL(s); 1 stored" in text.splitlines()[-1]


def test_watch_refuses_a_bad_interval_and_a_bad_watch_list_as_usage_errors(tmp_path: Path) -> None:
    watch_list = tmp_path / "feeds.txt"
    watch_list.write_text("http://127.0.0.1:9/feed.xml\n", encoding="utf-8")
    bad_interval = subprocess.run(
        _command(watch_list, tmp_path, "--interval", "soon"), capture_output=True, text=True, env=_env(), timeout=120
    )
    watch_list.write_text("gopher://example.org/feed\n", encoding="utf-8")
    bad_list = subprocess.run(_command(watch_list, tmp_path), capture_output=True, text=True, env=_env(), timeout=120)
    assert bad_interval.returncode == 2 and "'soon' is not like 30s, 5m or 1h" in bad_interval.stderr
    assert bad_list.returncode == 2 and "feeds.txt:1" in bad_list.stderr
