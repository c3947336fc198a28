"""Mẫu biên bản số 09 (MBB09): Biên bản xác minh thông tin về tiền, tài sản của cá
nhân/tổ chức bị cưỡng chế.

Wording from the Phụ lục to Nghị định 118/2021/NĐ-CP; line syntax in
`documents.template`.
"""

from xlvphc.documents.template import FormSpec, SignSpec

FIELDS = {
    "ref:QĐ-XPHC": "Văn bản QĐ-XPHC",
    "place": "Địa điểm lập biên bản",
    "copies": "Số bản",
    "informant_name": "Người cung cấp thông tin (cá nhân)",
    "informant_role": "Nghề nghiệp của người đó",
    "informant_where": "Địa chỉ của người đó",
    "informant2_name": "Người cung cấp thông tin (đại diện cơ quan, tổ chức)",
    "informant2_role": "Chức vụ của người đó",
    "informant2_where": "Cơ quan, tổ chức của người đó",
    **{
        f"informant{n}_{part}": f"Người cung cấp thông tin thứ {n}: {what}"
        for n in range(3, 8)
        for part, what in (
            ("name", "họ và tên"),
            ("role", "nghề nghiệp hoặc chức vụ"),
            ("where", "địa chỉ hoặc cơ quan"),
        )
    },
    "Informant_kind": "Mục 2: Cá nhân hay Tổ chức cung cấp thông tin",
    "informant_speaker": "Mục 6: cá nhân hay người đại diện của tổ chức",
    "informant_signer": "Họ và tên người cung cấp thông tin (dưới chữ ký)",
    "reason": "Lý do xác minh",
    "salary_info": "Thông tin về tiền lương, thu nhập",
    "account_info": "Thông tin về tài khoản",
    "asset_info": "Thông tin về tài sản",
    "third_party_info": "Tiền, tài sản do bên thứ ba giữ",
    "violator_opinion": "Ý kiến của người phải thi hành",
    "checked": "Thông tin đã xác minh: tiền lương, thu nhập, tài khoản, tài sản",
    "account_or_assets": "Mục 4: tài khoản, tài sản hay cả hai",
    "end_time": "Thời điểm lập xong biên bản",
}

# The choices about the person coerced are made from the case ({kind},
# {role}; what the coercion enforces in `documents.template`); those about
# the informant from the step's "Người cung cấp thông tin là", and stay the
# form's, for the pen, when it was left empty (a name does not say whether
# an informant speaks for himself or for a body). What was verified ("<tiền
# lương, thu nhập/tài khoản/…>") is what the step found. Every informant
# prints (user trial: only the first did): the form's a) and b) lines, then
# lines of their own ("&", never on a blank form) in the words of a person
# ("[person]") or of a body's representative ("[body]", also when unsaid).
BODY = """
Để <thi hành Quyết định số: {ref:QĐ-XPHC} xử phạt vi phạm hành chính/hoàn trả kinh phí
    thực hiện biện pháp khắc phục hậu quả cho cơ quan nhà nước>.
Hôm nay, hồi {made_time} tại {place}
~
Chúng tôi gồm:
1. Người có thẩm quyền lập biên bản:
Họ và tên: {maker_name} | Chức vụ: {maker_title}
Cơ quan: {agency_name}
2. {Informant_kind=Cá nhân/Tổ chức} cung cấp thông tin cần xác minh về {checked=tiền
    lương, thu nhập/tài khoản/tài sản/tiền, tài sản}:
a) Họ và tên: {informant_name} | Nghề nghiệp: {informant_role}
Địa chỉ: {informant_where}
[body] b) Họ và tên: {informant2_name} | Chức vụ: {informant2_role}
[body] <Cơ quan/tổ chức>: {informant2_where}
[person] & b) Họ và tên: {informant2_name} | Nghề nghiệp: {informant2_role}
[person] & Địa chỉ: {informant2_where}
[person] & c) Họ và tên: {informant3_name} | Nghề nghiệp: {informant3_role}
[person] & Địa chỉ: {informant3_where}
[person] & d) Họ và tên: {informant4_name} | Nghề nghiệp: {informant4_role}
[person] & Địa chỉ: {informant4_where}
[person] & e) Họ và tên: {informant5_name} | Nghề nghiệp: {informant5_role}
[person] & Địa chỉ: {informant5_where}
[person] & f) Họ và tên: {informant6_name} | Nghề nghiệp: {informant6_role}
[person] & Địa chỉ: {informant6_where}
[body] & c) Họ và tên: {informant3_name} | Chức vụ: {informant3_role}
[body] & Cơ quan/tổ chức: {informant3_where}
[body] & d) Họ và tên: {informant4_name} | Chức vụ: {informant4_role}
[body] & Cơ quan/tổ chức: {informant4_where}
[body] & e) Họ và tên: {informant5_name} | Chức vụ: {informant5_role}
[body] & Cơ quan/tổ chức: {informant5_where}
[body] & f) Họ và tên: {informant6_name} | Chức vụ: {informant6_role}
[body] & Cơ quan/tổ chức: {informant6_where}
[body] & g) Họ và tên: {informant7_name} | Chức vụ: {informant7_role}
[body] & Cơ quan/tổ chức: {informant7_where}
Tiến hành lập biên bản xác minh thông tin về {checked=tiền lương, thu nhập/tài khoản/tài
    sản/tiền, tài sản} của {kind} phải <thi hành quyết định xử phạt vi phạm hành
    chính/hoàn trả kinh phí thực hiện biện pháp khắc phục hậu quả> đối với {party} có
    tên sau đây:
@identity 1.
2. Lý do tiến hành xác minh:
{reason}
~
3. Thông tin về tiền lương và thu nhập của cá nhân phải <thi hành quyết định xử phạt vi
    phạm hành chính/hoàn trả kinh phí thực hiện biện pháp khắc phục hậu quả>:
{salary_info}
~
4. Thông tin về {account_or_assets=tài khoản/tài sản} của {kind} phải <thi hành quyết
    định xử phạt vi phạm hành chính/hoàn trả kinh phí thực hiện biện pháp khắc phục hậu
    quả>:
{account_info}
{asset_info}
5. Thông tin về tiền, tài sản của {kind} phải <thi hành quyết định xử phạt vi phạm hành
    chính/hoàn trả kinh phí thực hiện biện pháp khắc phục hậu quả> do bên thứ ba đang
    giữ:
{third_party_info}
~
6. Ý kiến trình bày của {informant_speaker=cá nhân/người đại diện của tổ chức} cung cấp
    thông tin cần xác minh (nếu có):
~
~
~
7. Ý kiến trình bày của {role} phải <thi hành quyết định xử phạt vi phạm hành chính/hoàn
    trả kinh phí thực hiện biện pháp khắc phục hậu quả> (nếu có):
{violator_opinion}
~
~
Biên bản lập xong hồi {end_time}, gồm {sheets~} tờ, được lập thành {copies~} bản có nội
    dung và giá trị như nhau; đã đọc lại cho những người có tên nêu trên cùng nghe, công
    nhận là đúng và cùng ký tên dưới đây; giao cho {person} là {role} phải <thi hành
    quyết định xử phạt vi phạm hành chính/hoàn trả kinh phí thực hiện biện pháp khắc phục
    hậu quả> có tên tại Mục 1 của Biên bản này ({kind} có thông tin phải xác minh) 01
    bản, 01 bản lưu hồ sơ.
<Trường hợp {role} phải thi hành quyết định xử phạt vi phạm hành chính/hoàn trả kinh phí
    thực hiện biện pháp khắc phục hậu quả không ký biên bản xác minh thông tin về tiền,
    tài sản của {kind} bị cưỡng chế>
Lý do {person} là {role} phải <thi hành quyết định xử phạt vi phạm hành chính/hoàn trả
    kinh phí thực hiện biện pháp khắc phục hậu quả> không ký biên bản: {}
"""

SPEC = FormSpec(
    code="MBB09",
    title="BIÊN BẢN",
    subject="Xác minh thông tin về tiền, tài sản của {kind} bị cưỡng chế",
    suffix="BB-XMCC",
    body=BODY,
    fields=FIELDS,
    signatures=(
        (
            SignSpec(
                (
                    "CÁ NHÂN/NGƯỜI ĐẠI DIỆN",
                    "CỦA TỔ CHỨC CÓ THÔNG TIN",
                    "PHẢI XÁC MINH",
                ),
                "(Ký, ghi rõ họ và tên)",
                "person_name",
            ),
            SignSpec(
                ("NGƯỜI LẬP BIÊN BẢN",), "(Ký, ghi rõ chức vụ, họ và tên)", "maker_name"
            ),
        ),
        (
            SignSpec(
                (
                    "CÁ NHÂN/NGƯỜI ĐẠI DIỆN",
                    "CỦA TỔ CHỨC CUNG CẤP",
                    "THÔNG TIN XÁC MINH",
                ),
                "(Ký, ghi rõ họ và tên)",
                "informant_signer",
            ),
        ),
    ),
    receipt=(
        (
            "Biên bản đã giao trực tiếp cho {role} phải <thi hành quyết định xử phạt "
            "vi phạm hành chính/hoàn trả kinh phí thực hiện biện pháp khắc phục hậu "
            "quả> vào hồi {_time}"
        ),
        "NGƯỜI NHẬN BIÊN BẢN",
    ),
)
