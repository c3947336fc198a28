"""Trial-run feedback (phản ánh khó khăn, vướng mắc) sent by any user and
answered by the Department of Justice."""

from datetime import datetime

from sqlalchemy import Column, LargeBinary
from sqlmodel import Field, SQLModel

from xlvphc.models.base import utcnow


class FeedbackCategory:
    LABELS = {
        "bug": "Lỗi phần mềm",
        "usage": "Khó khăn khi sử dụng",
        "legal": "Vướng mắc về quy định, biểu mẫu",
        "data": "Dữ liệu, danh mục",
        "account": "Tài khoản, đăng nhập",
        "proposal": "Đề xuất, kiến nghị",
        "other": "Khác",
    }


class FeedbackStatus:
    NEW = "new"
    IN_PROGRESS = "in_progress"
    ANSWERED = "answered"
    CLOSED = "closed"

    LABELS = {
        NEW: "Mới gửi",
        IN_PROGRESS: "Đang xử lý",
        ANSWERED: "Đã trả lời",
        CLOSED: "Đã đóng",
    }


class Feedback(SQLModel, table=True):
    """One report. The screenshot is kept in the database, never in Reflex's
    public upload folder (security.md 2.6: /_upload is served to anyone)."""

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="unit.id", index=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    category: str = Field(max_length=20)
    text: str = Field(max_length=4000)
    screenshot: bytes | None = Field(default=None, sa_column=Column(LargeBinary))
    screenshot_type: str = Field(default="", max_length=20)
    status: str = Field(default=FeedbackStatus.NEW, index=True, max_length=20)
    answer: str = Field(default="", max_length=4000)
    answered_by: int | None = Field(default=None, foreign_key="user.id")
    answered_at: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow, index=True)
