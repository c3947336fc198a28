"""Reflex State classes: thin. They turn UI events into service calls and keep
only what the page shows; identity lives in the session cookie, re-checked by
the services on every call."""
