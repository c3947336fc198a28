"""The columns of the import template: one row per sanction decision, with
the headings officers already use in their registers (sổ theo dõi), and the
other spellings met in real workbooks, so a column may be found whatever its
order or exact wording."""

from dataclasses import dataclass

from xlvphc.domain.text import fold


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # the template heading, also used in messages
    required: bool
    aliases: tuple[str, ...]  # folded headings that also mean this column
    hint: str = ""


COLUMNS = [
    Column("decision_number", "Số quyết định", True,
           ("so qd", "so quyet dinh xu phat", "so qdxp", "quyet dinh so"),
           "Ví dụ 15/QĐ-XPHC"),
    Column("decided_on", "Ngày quyết định", True,
           ("ngay qd", "ngay ra quyet dinh", "ngay ky quyet dinh", "ngay ban hanh"),
           "ngày/tháng/năm"),
    Column("record_number", "Số biên bản", False, ("so bb", "bien ban so"),
           "Ghi \u201cKhông lập biên bản\u201d nếu xử phạt tại chỗ (Điều 56); bỏ "
           "trống nếu sổ không ghi số biên bản"),
    Column("record_date", "Ngày lập biên bản", False, ("ngay bb", "ngay lap bb")),
    Column("violation_date", "Ngày vi phạm", True,
           ("ngay vp", "thoi gian vi pham", "ngay xay ra vi pham")),
    Column("violation_place", "Nơi vi phạm", False,
           ("dia diem vi pham", "noi xay ra vi pham")),
    Column("kind", "Cá nhân/Tổ chức", False,
           ("doi tuong", "loai doi tuong", "ca nhan / to chuc", "ca nhan to chuc"),
           "Cá nhân hoặc Tổ chức (bỏ trống: cá nhân)"),
    Column("name", "Họ tên/Tên tổ chức", True,
           ("ho ten", "ho va ten", "ten to chuc", "nguoi vi pham",
            "ho ten nguoi vi pham", "ten doi tuong", "ho va ten / ten to chuc")),
    Column("identity", "Số định danh/Mã số thuế", False,
           ("so dinh danh", "cccd", "cmnd", "so cccd", "ma so thue", "mst",
            "cccd/cmnd", "so cccd/cmnd", "so dinh danh ca nhan")),
    Column("address", "Địa chỉ", False, ("dia chi", "noi o", "noi cu tru", "tru so")),
    Column("field", "Lĩnh vực", True, ("linh vuc vi pham",)),
    Column("act", "Hành vi vi phạm", True, ("hanh vi", "noi dung vi pham")),
    Column("citation", "Căn cứ (điều, khoản, nghị định)", False,
           ("can cu", "dieu khoan", "dieu khoan ap dung", "can cu phap ly"),
           "Ví dụ: điểm h khoản 2 Điều 7 Nghị định 168/2024/NĐ-CP; nhiều hành "
           "vi thì cách nhau bằng dấu chấm phẩy: điểm h khoản 2 Điều 7; điểm i "
           "khoản 2 Điều 7 Nghị định 168/2024/NĐ-CP"),
    Column("fine", "Số tiền phạt", False,
           ("tien phat", "so tien phat (dong)", "muc phat", "so tien xu phat"),
           "đồng; bỏ trống nếu chỉ cảnh cáo; nhiều hành vi: tổng số tiền phạt "
           "của quyết định"),
    Column("signer", "Người ký quyết định", False, ("nguoi ky", "nguoi ra quyet dinh")),
    Column("paid", "Số tiền đã nộp", False,
           ("da nop", "so tien da nop", "da nop phat", "tien da nop")),
    Column("note", "Ghi chú", False, ()),
]
BY_KEY = {c.key: c for c in COLUMNS}


def heading_key(text: object) -> str | None:
    """The column a heading names, or None. Headings are compared folded,
    without a trailing "(*)" or colon, so "SỐ QUYẾT ĐỊNH (*)" is found."""
    folded = fold(text).replace("(*)", "").replace("*", "").strip(" :.")
    if not folded:
        return None
    for column in COLUMNS:
        if folded == fold(column.title) or folded in column.aliases:
            return column.key
    return None
