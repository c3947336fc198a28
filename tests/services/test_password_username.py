"""A password holding the username is refused with a message that says the
comparison ignores spaces, diacritics and case (user trial: «Quan tri he
thong 2026» was refused as «chứa tên đăng nhập» for the username quantri,
which the officer could not see in it)."""

import pytest

from xlvphc.services.passwords import policy_problem


@pytest.mark.parametrize(
    "typed",
    ["Quan tri he thong 2026", "Quản Trị hệ thống 2026", "toi la QUANTRI vien 1"],
)
def test_the_username_hidden_by_spaces_or_case_is_named(typed):
    message = policy_problem(typed, "quantri")
    assert message == (
        "Mật khẩu không được chứa tên đăng nhập «quantri» (không tính dấu "
        "cách, dấu tiếng Việt, chữ hoa/thường)."
    )


def test_a_sentence_without_the_username_passes():
    assert policy_problem("Quan ly he thong nam 2026 tot", "quantri") is None
