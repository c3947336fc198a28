"""Errors the services raise. Messages are Vietnamese: the UI shows them as is."""


class ServiceError(Exception):
    """Base: `message` is safe to show to the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotAuthenticated(ServiceError):
    def __init__(
        self, message: str = "Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại."
    ) -> None:
        super().__init__(message)


class AccountDisabled(NotAuthenticated):
    """The session ended because an administrator locked the account: the
    owner is told so, not that they were idle (user trial)."""

    def __init__(self) -> None:
        super().__init__("Tài khoản của bạn đã bị khóa. Liên hệ quản trị đơn vị.")


class PasswordChangeRequired(ServiceError):
    def __init__(self) -> None:
        super().__init__("Bạn phải đổi mật khẩu được cấp trước khi tiếp tục.")


class PermissionDenied(ServiceError):
    """Also used for records outside the user's scope, with the same text as
    NotFound so that ids cannot be probed."""

    def __init__(
        self, message: str = "Không tìm thấy hồ sơ hoặc bạn không có quyền."
    ) -> None:
        super().__init__(message)


class NotFound(PermissionDenied):
    pass


class ValidationFailed(ServiceError):
    """Field-level problems: `errors` maps a form field name to its message."""

    def __init__(self, errors: dict[str, str], message: str = "") -> None:
        super().__init__(
            message or "Thông tin chưa hợp lệ. Vui lòng xem các ô được đánh dấu."
        )
        self.errors = errors


class Conflict(ServiceError):
    pass
