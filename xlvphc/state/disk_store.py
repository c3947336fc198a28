"""Where each open tab's state is kept between events when no Redis is
configured (the zero-setup SQLite install): Reflex's disk state manager,
with its clean-up of expired files run once a minute instead of on every
write.

Reflex 0.10's `StateManagerDisk` lists and `stat`s every state file of
every tab each time it flushes its write queue, which under load is
several times a second. The app keeps one file per page state per tab, so
with a hundred officers that is thousands of `stat` calls per flush,
holding the interpreter lock the events need: 14-24 % of the worker's time
under 100 browsers (bench/RESULTS.md, section 0d). Files expire after an
hour (`redis_token_expiration`), so looking for them once a minute deletes
the same files, at most a minute later.
"""

import dataclasses
import logging
import time

from reflex.istate.manager.disk import StateManagerDisk

log = logging.getLogger(__name__)

# Seconds between two looks for expired state files.
PURGE_EVERY = 60.0


@dataclasses.dataclass
class ThrottledDiskStateManager(StateManagerDisk):
    """Reflex's disk state manager; expired files are looked for at most
    once per `purge_every` seconds."""

    purge_every: float = PURGE_EVERY

    _last_purge: float = dataclasses.field(default=float("-inf"), init=False)

    def _purge_expired_states(self):
        now = time.monotonic()
        if now - self._last_purge < self.purge_every:
            return

        self._last_purge = now
        super()._purge_expired_states()


def install(app) -> None:
    """Swap the app's disk state manager for the throttled one. Redis and
    memory managers are left alone: they have no files to look through.

    TODO: Reflex 0.10 has no setting for the manager's class, so this sets
    the app's private `_state_manager` once at import, before any event;
    drop it when Reflex stops listing the directory on every write."""
    if type(app._state_manager) is not StateManagerDisk:
        return

    app._state_manager = ThrottledDiskStateManager()
    log.info("tab states on disk; expired ones purged every %.0f s", PURGE_EVERY)
