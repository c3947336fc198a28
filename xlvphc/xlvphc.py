"""The XLVPHC app: builds rx.App. Every module in `xlvphc/pages` registers its
screens with @rx.page and is imported here, so a new screen is a new module."""

import asyncio
import gc
import importlib
import logging
import pkgutil
from concurrent.futures import ThreadPoolExecutor

import reflex as rx

from xlvphc import pages, session_cookie, upload_guard
from xlvphc.components import fields, form_guard
from xlvphc.settings import SETTINGS
from xlvphc.state import disk_store

logging.basicConfig(
    level=logging.INFO,
    format="%(asctime)s %(levelname)s %(name)s: %(message)s",
)
# fpdf2 subsets the fonts of every PDF through fontTools, which logs each
# table it touches at INFO: hundreds of lines per form that bury ours.
logging.getLogger("fontTools").setLevel(logging.WARNING)
log = logging.getLogger(__name__)

for module in pkgutil.iter_modules(pages.__path__):
    importlib.import_module(f"{pages.__name__}.{module.name}")

app = rx.App(
    # Screen readers, spell checkers and the browser's translate offer read
    # the pages as Vietnamese.
    html_lang="vi",
    stylesheets=["/styles.css"],
    head_components=[
        rx.el.meta(name="viewport", content="width=device-width, initial-scale=1"),
        # Unsaved changes: the "leave this page?" guard and tab drafts.
        form_guard.script(),
        # Amounts, dates and times typed as digits alone ("35000000",
        # "05122026", "1430") are written out once the box is left.
        fields.format_script(),
        # Uploads send the session cookie under `reflex run` as well.
        upload_guard.credentials_script(),
    ],
    # POST/DELETE /_xlvphc/session: the HttpOnly session cookie, which
    # Reflex's own rx.Cookie (written by JavaScript) cannot be. Then
    # POST /_upload only with the cookie of the tab it targets.
    api_transformer=[session_cookie.routes(), upload_guard.UploadGuard],
)
disk_store.install(app)


async def _database_threads():
    """Every database call of a handler runs in asyncio's default thread pool
    (state/session.py). Its default size, CPUs + 4, is 6 on a 2-core server:
    the seventh officer's click would wait for a thread while the database
    idles. XLVPHC_THREADS sizes it (and the connection pool, services/db.py)."""
    asyncio.get_running_loop().set_default_executor(
        ThreadPoolExecutor(max_workers=SETTINGS.threads, thread_name_prefix="xlvphc")
    )
    log.info("database calls run in up to %s threads", SETTINGS.threads)


app.register_lifespan_task(_database_threads)


async def _freeze_startup_objects():
    """Move what start-up built (modules, page components, state classes:
    some 200,000 objects) out of the garbage collector's sight. Otherwise
    every full collection walks them all, 40-55 ms during which no event of
    any user is answered (bench/RESULTS.md, event p95)."""
    gc.collect()
    gc.freeze()
    log.info("start-up objects frozen for the garbage collector: %s",
             gc.get_freeze_count())


app.register_lifespan_task(_freeze_startup_objects)
