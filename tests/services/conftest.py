"""Fixtures for service tests: reference data, accounts of several units and
roles, and a helper that logs in and returns the acting user."""

from datetime import timedelta

import pytest
from sqlmodel import select

from xlvphc.models import CatalogueEntry, Unit, User
from xlvphc.models.base import local_now
from xlvphc.services import auth, reference
from xlvphc.services.access import Role
from xlvphc.services.db import session_scope
from xlvphc.services.passwords import hash_password

PASSWORD = "Mat khau du dai 2026!"


@pytest.fixture
def ref(db):
    with session_scope() as session:
        reference.load_units(session)
        reference.load_catalogue(session)
    return db


def _unit_id(code: str) -> int:
    with session_scope() as session:
        return session.exec(select(Unit.id).where(Unit.code == code)).one()


def make_user(username: str, unit_code: str, role: str, title: str = "") -> int:
    with session_scope() as session:
        user = User(
            username=username,
            full_name=f"Cán bộ {username}",
            title=title or "Công chức",
            unit_id=_unit_id(unit_code),
            roles=role,
            password_hash=hash_password(PASSWORD),
            must_change_password=False,
        )
        session.add(user)
        session.flush()
        return user.id


def actor_for(username: str):
    token = auth.login(username, PASSWORD).token
    return auth.resolve(token)


@pytest.fixture
def people(ref):
    """Officers of two communes' committees, a supervisor and an admin."""
    make_user("canbo.a", "UBND-22015", Role.OFFICER)
    make_user("canbo.b", "UBND-22045", Role.OFFICER)
    make_user("giamsat", "SO-TU-PHAP", Role.SUPERVISOR)
    make_user("quantri", "SO-TU-PHAP", Role.ADMIN)
    return {
        name: actor_for(name)
        for name in ("canbo.a", "canbo.b", "giamsat", "quantri")
    }


def catalogue_id(article: int, clause: int, point: str, decree: str) -> int:
    with session_scope() as session:
        return session.exec(
            select(CatalogueEntry.id).where(
                CatalogueEntry.decree == decree,
                CatalogueEntry.article == article,
                CatalogueEntry.clause == clause,
                CatalogueEntry.point == point,
            )
        ).first()


def case_form(**overrides) -> dict:
    """A valid new-case form as the browser sends it (all strings)."""
    now = local_now()
    earlier = now - timedelta(hours=2)
    form = {
        "kind": "individual",
        "name": "Nguyễn Văn An",
        "gender": "Nam",
        "birth_date": "15/04/1990",
        "nationality": "Việt Nam",
        "occupation": "Lái xe",
        "address": "Thôn 3, xã Ea Kao, tỉnh Đắk Lắk",
        "id_number": "066090001234",
        "id_issued_on": "01/07/2021",
        "id_issued_by": "Cục Cảnh sát QLHC về TTXH",
        "violation_date": earlier.strftime("%d/%m/%Y"),
        "violation_time": earlier.strftime("%H:%M"),
        "violation_place": "Đường Lê Duẩn, phường Tuy Hòa",
        "description": "Điều khiển xe mô tô biển số 47B1-123.45 không đội mũ bảo hiểm.",
        "act_ids": str(catalogue_id(7, 2, "h", "168/2024/NĐ-CP") or ""),
        "record_date": now.strftime("%d/%m/%Y"),
        "record_time": now.strftime("%H:%M"),
        "record_place": "Trụ sở UBND phường Tuy Hòa",
        "maker_name": "Trần Thị Bình",
        "maker_title": "Công chức Tư pháp – Hộ tịch",
        "witness": "Lê Văn Cường, tổ trưởng tổ dân phố 5",
        "violator_statement": "Tôi xin chấp hành.",
        # Tests make many cases of this one violator on one day: the possible
        # duplicate check (services.cases) is confirmed unless a test clears
        # it (tests/services/test_duplicates.py).
        "duplicate_confirmed": "1",
    }
    form.update(overrides)
    return form


def decision_form(**overrides) -> dict:
    form = {
        "decided_on": local_now().strftime("%d/%m/%Y"),
        "signer_name": "Phạm Văn Dũng",
        "signer_title": "Chủ tịch Ủy ban nhân dân phường Tuy Hòa",
        "treasury": "Kho bạc Nhà nước khu vực XIII",
        "payment_days": "10",
    }
    form.update(overrides)
    return form
