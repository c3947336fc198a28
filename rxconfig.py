"""Reflex configuration for XLVPHC.

SQLite is the zero-setup default; production sets REFLEX_DB_URL (PostgreSQL) and
REFLEX_REDIS_URL. Telemetry is off: this is a government system.
"""

import reflex as rx

from xlvphc.settings import SETTINGS

config = rx.Config(
    app_name="xlvphc",
    db_url=SETTINGS.db_url,
    telemetry_enabled=False,
    show_built_with_reflex=False,
    plugins=[
        rx.plugins.RadixThemesPlugin(
            theme=rx.theme(accent_color="indigo", radius="medium")
        )
    ],
    disable_plugins=[rx.plugins.SitemapPlugin],
)
