"""After login a tab goes back to the page it asked for, but only to a page
of this site (no open redirect: ASVS 5.1.5)."""

import pytest

from xlvphc.state.session import safe_return


@pytest.mark.parametrize(
    "path",
    ["/ho-so/chi-tiet?id=12", "/ho-so?q=nguyen+van&unit=3", "/thong-ke"],
)
def test_pages_of_the_site_are_returned_to(path):
    assert safe_return(path)


@pytest.mark.parametrize(
    "path",
    [
        "",
        None,
        42,
        "https://example.invalid/",
        "//example.invalid/ho-so",
        "/\\example.invalid",
        "javascript:alert(1)",
        "/ho-so\r\nSet-Cookie: x=1",
        "/dang-nhap",
        "/doi-mat-khau?x=1",
        "/",
        "/" + "a" * 600,
    ],
)
def test_other_hosts_and_the_login_pages_are_not(path):
    assert not safe_return(path)
