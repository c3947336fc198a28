"""The bare Reflex page used as the floor of bench/bench_events.py."""

import reflex as rx

config = rx.Config(
    app_name="bare_app",
    telemetry_enabled=False,
    show_built_with_reflex=False,
    disable_plugins=[rx.plugins.SitemapPlugin],
)
