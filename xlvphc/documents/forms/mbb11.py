"""Mẫu biên bản số 11 (MBB11): Biên bản cưỡng chế buộc thực hiện biện pháp khắc phục hậu
quả.

Wording from the Phụ lục to Nghị định 118/2021/NĐ-CP; the opening (decision,
team, witnesses) and the signatures are those of every coercion record
(`documents.coercion_parts`); line syntax in `documents.template`.
"""

from xlvphc.documents.coercion_parts import (
    ABSENT,
    SIGNED_BY_AUTHORITY,
    SIGNED_BY_COOPERATOR,
    SIGNED_BY_MAKER,
    SIGNED_BY_WITNESS,
    WITNESS_FIELDS,
    record_opening,
    record_spec,
    signed_by_person,
)

MEASURE = "buộc thực hiện biện pháp khắc phục hậu quả"

FINDINGS = """
2. Biện pháp cưỡng chế: Buộc thực hiện biện pháp khắc phục hậu quả do vi phạm hành chính
    gây ra,
3. Kết quả thực hiện Quyết định cưỡng chế buộc thực hiện biện pháp khắc phục hậu quả số:
    {no:QĐ-CCXP}:
{result}
~
~
4. Việc cưỡng chế buộc thực hiện biện pháp khắc phục hậu quả kết thúc hồi {end_time}
Biên bản này gồm {sheets~} tờ, được lập thành 02 bán có nội dung và giá trị như nhau; đã
    đọc lại cho những người có tên nêu trên cùng nghe, công nhận là đúng và cùng ký tên
    dưới đây; giao cho {person} là {role} bị cưỡng chế 01 bản, 01 bản chuyển cơ quan đã
    ra quyết định cưỡng chế.
"""

REFUSAL = """
Lý do {person} là {role} bị cưỡng chế không ký biên bản: {}
"""

SPEC = record_spec(
    "MBB11",
    "Cưỡng chế " + MEASURE,
    record_opening(MEASURE, "Đại diện cơ quan chủ trì tiến hành cưỡng chế " + MEASURE)
    + FINDINGS.lstrip("\n")
    + ABSENT
    + REFUSAL.lstrip("\n"),
    WITNESS_FIELDS | {"result": "Kết quả thực hiện"},
    (
        (signed_by_person("BỊ CƯỠNG CHẾ"), SIGNED_BY_MAKER),
        (SIGNED_BY_COOPERATOR, SIGNED_BY_WITNESS),
        (SIGNED_BY_AUTHORITY,),
    ),
    "Biên bản đã giao trực tiếp cho {role} bị cưỡng chế vào hồi {_time}",
)
