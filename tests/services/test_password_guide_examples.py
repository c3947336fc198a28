"""The user guide's own example password is refused as a real one (user
trial: "Ca phe sang luc 7 gio ben cua so" was accepted)."""

import re
from pathlib import Path

import pytest

from tests.services.test_auth import _issue
from xlvphc.services import auth
from xlvphc.services.errors import ValidationFailed
from xlvphc.services.passwords import GUIDE_EXAMPLES, policy_problem

GUIDE = Path(__file__).parents[2] / "xlvphc" / "guide.md"


def guide_examples() -> list[str]:
    """The passwords the guide shows as examples: «ví dụ *"…"*» in the
    paragraph about choosing a new password."""
    text = GUIDE.read_text(encoding="utf-8")
    section = text[text.index("## Lần đầu đăng nhập"):]
    section = section[: section.index("\n## ", 1)]
    return re.findall(r'ví dụ\s+\*"([^"]+)"\*', section)


def test_every_example_of_the_guide_is_in_the_deny_list():
    examples = guide_examples()
    assert examples, "the guide no longer shows an example password"
    assert set(examples) <= set(GUIDE_EXAMPLES)


@pytest.mark.parametrize(
    "typed",
    [
        "Ca phe sang luc 7 gio ben cua so",
        "Cà phê sáng lúc 7 giờ bên cửa sổ",
        "capHESANGluc7giobencuaso",
        "Ca phe sang luc 7 gio ben cua so!!",
    ],
)
def test_the_example_and_its_close_variants_are_refused(typed):
    assert "ví dụ trong Hướng dẫn sử dụng" in policy_problem(typed)


def test_a_sentence_of_ones_own_still_passes():
    assert policy_problem("Ca phe sang luc 7 gio ben cua so nha ba Tu o Ea Kar") \
        is None
    assert policy_problem("Tra da chieu thu bay o quan quen") is None


def test_the_change_password_form_refuses_it_at_the_field(people):
    issued = _issue(people)
    token = auth.login("moi.vao", issued.password).token
    example = GUIDE_EXAMPLES[0]
    with pytest.raises(ValidationFailed) as refused:
        auth.change_password(token, issued.password, example, example)
    assert "Hướng dẫn sử dụng" in refused.value.errors["new"]
