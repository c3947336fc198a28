"""Login and the forced change of an issued password."""

import asyncio

import reflex as rx

from xlvphc import routes
from xlvphc.services import auth
from xlvphc.services.errors import (
    AccountDisabled,
    NotAuthenticated,
    ServiceError,
    ValidationFailed,
)
from xlvphc.state.session import GENERIC_ERROR, SessionState, log


class LoginState(SessionState):
    @rx.event
    async def login(self, form: dict):
        """bcrypt is slow on purpose: it runs in a thread, off the event loop."""
        form = form if isinstance(form, dict) else {}
        self.message = ""
        try:
            result = await asyncio.to_thread(
                auth.login, form.get("username"), form.get("password")
            )
        except ServiceError as exc:
            self.message = exc.message
            return
        except Exception:
            log.exception("login failed unexpectedly")
            self.message = GENERIC_ERROR
            return
        if result.must_change_password:
            return self._keep_session(result.token, routes.CHANGE_PASSWORD)
        return self._after_login(result.token)


class PasswordState(SessionState):
    def _ended(self, exc: NotAuthenticated):
        """Back to the login page; a locked account is told so there."""
        self._forget_user()
        if isinstance(exc, AccountDisabled):
            self.message = exc.message
        return rx.redirect(routes.LOGIN)

    @rx.event
    async def check_pending(self):
        try:
            self._show_user(await self._actor_in_thread(allow_pending_change=True))
        except NotAuthenticated as exc:
            return self._ended(exc)

    @rx.event
    async def change(self, form: dict):
        form = form if isinstance(form, dict) else {}
        self.errors = {}
        self.message = ""
        try:
            secret = await asyncio.to_thread(
                auth.change_password,
                self._secret(),
                form.get("current"),
                form.get("new"),
                form.get("confirm"),
            )
        except NotAuthenticated as exc:
            return self._ended(exc)
        except ValidationFailed as exc:
            self.errors = exc.errors
            self.message = exc.message
            return
        except ServiceError as exc:
            self.message = exc.message
            return
        # The page loads afresh once the cookie is kept: the toast gets a
        # moment to be read first.
        return [
            rx.toast.success("Đã đổi mật khẩu."),
            self._after_login(secret, pause_ms=1500),
        ]
