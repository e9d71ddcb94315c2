"""watch: poll RSS/Atom feeds and article pages over HTTP and store the new articles (``eventwatch watch``).

Polite by default: conditional GET with the validators of the last response, one request per host per
``watch_host_delay_s``, robots.txt obeyed, connect/read/whole-download time limits, bodies capped at
``watch_max_bytes``. See docs/watch.md.
"""

from eventwatch.watch.feeds import feed_links, looks_like_feed
from eventwatch.watch.fetch import Fetched, Fetcher, FetchError, WatchStopped
from eventwatch.watch.loop import PollCounts, Watcher, run_watch
from eventwatch.watch.state import Validators, WatchState, default_state_path
from eventwatch.watch.targets import TargetKind, WatchTarget, parse_interval, read_watch_list

__all__ = [
    "FetchError",
    "Fetched",
    "Fetcher",
    "PollCounts",
    "TargetKind",
    "Validators",
    "WatchState",
    "WatchStopped",
    "WatchTarget",
    "Watcher",
    "default_state_path",
    "feed_links",
    "looks_like_feed",
    "parse_interval",
    "read_watch_list",
    "run_watch",
]
