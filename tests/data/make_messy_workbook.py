"""Writes messy_register.xlsx: an officer's register with one row of each
real-world problem the importer must handle (issue 6). Run from the repo
root: `.venv/bin/python tests/data/make_messy_workbook.py`.

Layout: a title line, headings over two rows (a merged group title above,
"Họ và tên" merged down both rows), columns in another order than the
template, then the rows below (Excel row numbers in brackets):

 [5] dates as text, amount "600.000 đ", name in capitals
 [6] dates as Excel serial numbers, amount "600,000", name without diacritics
 [7] real date cells, amount as a number, an organisation with a tax code
 [8] the same decision as row 5 (duplicated row)
 [9] decision date 31/02/2025 (impossible date)
[10] amount "một triệu" (not an amount)
[11] no name (required)
[12] amount "500.000đồng", citation with "NĐ" and a comma, paid in full
[13..16] empty trailing rows (one with spaces only)
"""

from datetime import date
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).parent
OUT = HERE / "messy_register.xlsx"

# Another order than the template, with other spellings of the headings.
HEADINGS = ["STT", "Họ và tên", "Số QĐ", "Ngày QĐ", "Ngày VP", "Đối tượng",
            "CCCD/CMND", "Địa chỉ", "Lĩnh vực", "Hành vi", "Điều khoản",
            "Số tiền phạt", "Đã nộp", "Người ký", "Ghi chú"]
GAP = ""


def rows() -> list[list]:
    traffic = "Trật tự, an toàn giao thông đường bộ"
    helmet = "Không đội mũ bảo hiểm khi điều khiển xe mô tô"
    cite = "điểm h khoản 2 Điều 7 Nghị định 168/2024/NĐ-CP"
    serial_decided = (date(2025, 4, 2) - date(1899, 12, 30)).days
    serial_violated = (date(2025, 3, 30) - date(1899, 12, 30)).days
    return [
        [1, "NGUYỄN VĂN AN", "15/QĐ-XPHC", "20/03/2025", "18/03/2025", "Cá nhân",
         "066090001234", "Thôn 3, xã Hòa Phú", traffic, helmet, cite,
         "600.000 đ", "", "Phạm Văn Dũng", ""],
        [2, "Tran Thi Binh", "16/QĐ-XPHC", serial_decided, serial_violated,
         "cá nhân", 66190004321, "Buôn Ako Dhông", traffic,
         "Xe mô tô biển số 47B1-123.45 không có gương chiếu hậu", cite,
         "600,000", "300.000", "Phạm Văn Dũng", "nộp một phần"],
        [3, "Công ty TNHH Cà phê Ea Kao", "17/QĐ-XPHC", date(2025, 5, 6),
         date(2025, 5, 1), "Tổ chức", "6000123456", "Km 5 Quốc lộ 14",
         "Bảo vệ môi trường", "Xả nước thải vượt quy chuẩn",
         "khoản 1 Điều 18 Nghị định 45/2022/NĐ-CP", 7_500_000, 0, "Lê Thị Hoa",
         ""],
        [4, "NGUYỄN VĂN AN", "15/QĐ-XPHC", "20/03/2025", "18/03/2025", "Cá nhân",
         "066090001234", "Thôn 3, xã Hòa Phú", traffic, helmet, cite,
         "600.000 đ", "", "Phạm Văn Dũng", "nhập trùng"],
        [5, "Lê Văn Cường", "18/QĐ-XPHC", "31/02/2025", "20/02/2025", "Cá nhân",
         "", "", traffic, helmet, cite, "500.000", "", "", ""],
        [6, "Võ Thị Dung", "19/QĐ-XPHC", "05/06/2025", "01/06/2025", "Cá nhân",
         "", "", traffic, helmet, cite, "một triệu", "", "", ""],
        [7, "", "20/QĐ-XPHC", "07/06/2025", "01/06/2025", "Cá nhân", "", "",
         traffic, helmet, cite, "500.000", "", "", ""],
        [8, "Đỗ Thị Hạnh", "21/QĐ-XPHC", "2025-07-01", "28/06/2025", "",
         "", "Chợ Ea Kao", traffic, helmet, "Điểm h, khoản 2, Điều 7 NĐ 168/2024/NĐ-CP",
         "500.000đồng", "500.000", "Phạm Văn Dũng", ""],
        [GAP] * len(HEADINGS),
        ["  "] + [GAP] * (len(HEADINGS) - 1),
        [None] * len(HEADINGS),
        [None] * len(HEADINGS),
    ]


def build(path: Path = OUT) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Sổ theo dõi 2025"
    ws["A1"] = "SỔ THEO DÕI XỬ PHẠT VI PHẠM HÀNH CHÍNH NĂM 2025"
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADINGS))
    # Row 3: a group title merged over the decision columns; row 4: headings.
    ws.cell(row=3, column=3, value="Quyết định xử phạt")
    ws.merge_cells(start_row=3, start_column=3, end_row=3, end_column=4)
    for col, title in enumerate(HEADINGS, start=1):
        if col in (3, 4):
            ws.cell(row=4, column=col, value=title)
        elif title == "Họ và tên":
            ws.cell(row=3, column=col, value=title)
            ws.merge_cells(start_row=3, start_column=col, end_row=4, end_column=col)
        else:
            ws.cell(row=4, column=col, value=title)
    for offset, values in enumerate(rows()):
        for col, value in enumerate(values, start=1):
            if value is not None:
                ws.cell(row=5 + offset, column=col, value=value)
    wb.save(path)
    return path


if __name__ == "__main__":
    print(build())
