"""The session every page state inherits: who is logged in, and a single way
to run a service call that turns service errors into what the page shows."""

import asyncio
import logging
from collections.abc import Callable
from typing import Any

import reflex as rx

from xlvphc import routes
from xlvphc.services import auth
from xlvphc.services.access import Action, Actor
from xlvphc.services.errors import (
    NotAuthenticated,
    PasswordChangeRequired,
    PermissionDenied,
    ServiceError,
    ValidationFailed,
)
from xlvphc.settings import SETTINGS

log = logging.getLogger(__name__)

GENERIC_ERROR = "Đã có lỗi xảy ra. Vui lòng thử lại hoặc báo quản trị viên."


class SessionState(rx.State):
    """`token` is our own random session secret (not Reflex's client token); the
    server keeps only its hash and can revoke it at any time."""

    token: str = rx.Cookie(
        "",
        name="xlvphc_session",
        path="/",
        same_site="strict",
        max_age=SETTINGS.session_absolute_hours * 3600,
    )
    user_name: str = ""
    user_unit: str = ""
    # Actions the user's roles allow: the UI hides what the services refuse.
    permissions: list[str] = []
    errors: dict[str, str] = {}
    message: str = ""

    def _actor(self, allow_pending_change: bool = False) -> Actor:
        return auth.resolve(self.token, allow_pending_change=allow_pending_change)

    def _show_user(self, actor: Actor) -> None:
        self.user_name = actor.full_name
        self.user_unit = actor.unit_name
        self.permissions = actor.permissions()

    def _forget_user(self) -> None:
        self.token = ""
        self.user_name = ""
        self.user_unit = ""
        self.permissions = []

    def _failure(self, exc: Exception, where: str):
        """Turn a failed service call into what the page shows; returns the
        redirect to follow, if any."""
        if isinstance(exc, PasswordChangeRequired):
            return rx.redirect(routes.CHANGE_PASSWORD)
        if isinstance(exc, NotAuthenticated):
            self._forget_user()
            return rx.redirect(routes.LOGIN)
        if isinstance(exc, ValidationFailed):
            self.errors = exc.errors
            self.message = exc.message
        elif isinstance(exc, PermissionDenied):
            # Every refusal is logged, whichever service raised it (ASVS 16.3.2).
            log.warning("refused %s.%s: %s", type(self).__name__, where,
                        type(exc).__name__)
            self.message = exc.message
        elif isinstance(exc, ServiceError):
            self.message = exc.message
        else:
            log.error("unexpected error in %s", where, exc_info=exc)
            self.message = GENERIC_ERROR
        return None

    def _call(self, fn: Callable[..., Any], *args: Any) -> tuple[bool, Any]:
        """Run a quick service call with the acting user. Returns (ok, result);
        on failure result is the redirect to follow (or None) and
        `errors`/`message` say what went wrong."""
        self.errors = {}
        self.message = ""
        try:
            actor = self._actor()
            self._show_user(actor)
            return True, fn(actor, *args)
        except Exception as exc:  # every error is shown, none is swallowed
            return False, self._failure(exc, getattr(fn, "__name__", "?"))

    async def _call_in_thread(
        self, fn: Callable[..., Any], *args: Any
    ) -> tuple[bool, Any]:
        """As `_call`, for slow work (PDF, bcrypt): off the event loop."""
        self.errors = {}
        self.message = ""
        try:
            actor = self._actor()
            self._show_user(actor)
            return True, await asyncio.to_thread(fn, actor, *args)
        except Exception as exc:
            return False, self._failure(exc, getattr(fn, "__name__", "?"))

    @rx.event
    def require_login(self):
        """on_load of every protected page: only redirects; the data itself is
        guarded by the services."""
        return self._check_login()

    def _check_login(self):
        try:
            self._show_user(self._actor())
        except PasswordChangeRequired:
            return rx.redirect(routes.CHANGE_PASSWORD)
        except NotAuthenticated:
            self._forget_user()
            return rx.redirect(routes.LOGIN)

    @rx.event
    def go_home(self):
        """The start page depends on what the user does."""
        try:
            actor = self._actor()
        except PasswordChangeRequired:
            return rx.redirect(routes.CHANGE_PASSWORD)
        except NotAuthenticated:
            self._forget_user()
            return rx.redirect(routes.LOGIN)
        self._show_user(actor)
        if actor.can(Action.CASE_WRITE):
            return rx.redirect(routes.CASES)
        if actor.can(Action.DASHBOARD_READ):
            return rx.redirect(routes.DASHBOARD)
        if actor.can(Action.ACCOUNT_MANAGE):
            return rx.redirect(routes.ACCOUNTS)
        return rx.redirect(routes.GUIDE)

    @rx.event
    def logout(self):
        auth.logout(self.token)
        self._forget_user()
        return rx.redirect(routes.LOGIN)
