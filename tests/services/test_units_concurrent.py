"""The "at most one" rules of the unit tree under concurrent requests (two
administrators, or one form sent twice): a commune keeps one UBND and one
Công an (services.units ONE_PER_COMMUNE) and no two active units are named
alike, whether the second comes by creation, reactivation or merge.

Each scenario runs two service calls in two threads and holds each thread,
once it has read what its check needs, until the other has read too: the
old code then let both write. Now the first to check locks what it checks
(services.db.lock_rows, lock_key), so the other waits for the lock before
its read, sees the first one's unit and is refused in Vietnamese. A thread
goes on as soon as the other is seen waiting for a lock: PostgreSQL shows
it (pg_stat_activity); SQLite's waiting writer cannot be seen, so there a
held thread goes on after GRACE seconds. Runs on both databases; the
PostgreSQL pass is the one that matters (XLVPHC_TEST_DB_URL).
"""

import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import text
from sqlmodel import select

from tests.services.conftest import _unit_id
from xlvphc.domain.text import fold
from xlvphc.models import Unit
from xlvphc.models.units import UnitKind
from xlvphc.services import units
from xlvphc.services.db import get_engine, session_scope
from xlvphc.services.errors import ValidationFailed

WAIT = 20.0  # seconds a held thread may wait on PostgreSQL before failing
GRACE = 1.5  # seconds a held thread waits on SQLite


class Rendezvous:
    """Holds each of two threads after its read until both have read, or
    the other waits for a lock."""

    def __init__(self) -> None:
        self.arrived = 0
        self.condition = threading.Condition()
        self.on_pg = get_engine().dialect.name == "postgresql"

    def _someone_waits_for_a_lock(self) -> bool:
        with get_engine().connect() as conn:
            return bool(
                conn.execute(
                    text(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = "
                        "current_database() AND wait_event_type = 'Lock' "
                        "AND pid <> pg_backend_pid()"
                    )
                ).scalar()
            )

    def meet(self) -> None:
        with self.condition:
            self.arrived += 1
            self.condition.notify_all()
        deadline = time.monotonic() + (WAIT if self.on_pg else GRACE)
        while True:
            with self.condition:
                if self.condition.wait_for(lambda: self.arrived >= 2, 0.05):
                    return
            if self.on_pg and self._someone_waits_for_a_lock():
                return
            if time.monotonic() > deadline:
                assert not self.on_pg, "the other thread neither read nor waited"
                return


def hold_after(monkeypatch, name: str) -> None:
    """Make units.`name` (a read a check relies on) meet the other thread
    once it has read."""
    meeting = Rendezvous()
    read = getattr(units, name)

    def held(*args, **kwargs):
        result = read(*args, **kwargs)
        meeting.meet()
        return result

    monkeypatch.setattr(units, name, held)


def race(*calls: Callable[[], object]) -> tuple[list, list[dict]]:
    """Both calls at once: what the ones that went through returned, and
    the field errors of the refused ones. Any other exception fails."""

    def outcome(call: Callable[[], object]) -> tuple[str, object]:
        try:
            return "done", call()
        except ValidationFailed as refused:
            return "refused", refused.errors

    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(outcome, call) for call in calls]
        results = [future.result(timeout=3 * WAIT) for future in futures]
    return (
        [value for how, value in results if how == "done"],
        [value for how, value in results if how == "refused"],
    )


def _new(admin, parent: int, kind: str, name: str, code: str = "") -> int:
    return units.create_unit(
        admin, {"name": name, "kind": kind, "parent_id": str(parent), "code": code}
    )


def _commune(admin, name: str) -> int:
    return _new(admin, _unit_id("66"), UnitKind.COMMUNE, name)


def _active(admin, parent: int, label: str) -> list[str]:
    """The active sub-units of `parent` shown with kind `label`."""
    return [
        row["name"]
        for row in units.browse(admin, parent)["rows"]
        if row["active"] and row["kind"] == label
    ]


UBND = UnitKind.COMMUNE_COMMITTEE
UBND_LABEL = UnitKind.LABELS[UBND]


def test_two_creations_of_a_commune_committee_leave_one(people, monkeypatch):
    admin = people["quantri"]
    commune = _commune(admin, "Xã Thử Đồng Thời")
    hold_after(monkeypatch, "_present")

    done, refused = race(
        lambda: _new(admin, commune, UBND, "UBND xã Thử Đồng Thời"),
        lambda: _new(admin, commune, UBND, "Ủy ban nhân dân xã Thử Đồng Thời"),
    )

    assert len(done) == 1 and len(refused) == 1
    assert "đã có" in refused[0]["kind"]
    assert "mỗi xã, phường chỉ có một" in refused[0]["kind"]
    assert len(_active(admin, commune, UBND_LABEL)) == 1


def test_two_reactivations_of_committees_leave_one(people, monkeypatch):
    admin = people["quantri"]
    commune = _commune(admin, "Xã Thử Hoạt Động Lại")
    first = _new(admin, commune, UBND, "UBND xã Thử Hoạt Động Lại (cũ)")
    units.set_active(admin, first, False)
    second = _new(admin, commune, UBND, "UBND xã Thử Hoạt Động Lại (mới)")
    units.set_active(admin, second, False)
    hold_after(monkeypatch, "_present")

    done, refused = race(
        lambda: units.set_active(admin, first, True),
        lambda: units.set_active(admin, second, True),
    )

    assert len(done) == 1 and len(refused) == 1
    assert refused[0]["active"].startswith("Không thể cho UBND xã Thử Hoạt Động")
    assert "đang hoạt động" in refused[0]["active"]
    assert len(_active(admin, commune, UBND_LABEL)) == 1


def test_a_merge_and_a_creation_leave_one_committee(people, monkeypatch):
    admin = people["quantri"]
    target = _commune(admin, "Xã Thử Nhận Sáp Nhập")
    source = _commune(admin, "Xã Thử Được Sáp Nhập")
    _new(admin, source, UBND, "UBND xã Thử Được Sáp Nhập")
    hold_after(monkeypatch, "_present")

    done, refused = race(
        lambda: units.merge_units(admin, source, target, "Nghị quyết sáp nhập"),
        lambda: _new(admin, target, UBND, "UBND xã Thử Nhận Sáp Nhập"),
    )

    assert len(done) == 1 and len(refused) == 1
    says = refused[0].get("target_id") or refused[0].get("kind")
    assert "đã có" in says or "sẽ có hai" in says
    assert len(_active(admin, target, UBND_LABEL)) == 1


def test_one_name_given_twice_at_once_is_taken_once(people, monkeypatch):
    """Under two parents: the parents' locks do not meet, the name's does."""
    admin = people["quantri"]
    hold_after(monkeypatch, "_name_taken")

    done, refused = race(
        lambda: _new(admin, _unit_id("SO-TU-PHAP"), UnitKind.DEPARTMENT,
                     "Phòng Thử Cùng Tên"),
        lambda: _new(admin, _unit_id("UBND-22015"), UnitKind.DEPARTMENT,
                     "phòng thử cùng tên"),
    )

    assert len(done) == 1 and len(refused) == 1
    assert refused[0]["name"].startswith("Đã có đơn vị «")


def test_a_rename_and_a_creation_to_one_name_take_it_once(people, monkeypatch):
    admin = people["quantri"]
    section = _new(admin, _unit_id("SO-TU-PHAP"), UnitKind.DEPARTMENT,
                   "Phòng Thử Trước Khi Đổi")
    hold_after(monkeypatch, "_name_taken")

    done, refused = race(
        lambda: units.rename_unit(admin, section, {"name": "Phòng Thử Tên Mới"}),
        lambda: _new(admin, _unit_id("UBND-22015"), UnitKind.DEPARTMENT,
                     "Phòng Thử Tên Mới"),
    )

    assert len(done) == 1 and len(refused) == 1
    assert refused[0]["name"] == (
        "Đã có đơn vị «Phòng Thử Tên Mới». Đặt tên khác, hoặc dùng đơn vị đã có."
    )


def test_one_typed_code_given_twice_at_once_is_refused_not_an_error(
    people, monkeypatch
):
    """The unique index keeps codes unique; the second request gets the
    message the check gives, not a database error."""
    admin = people["quantri"]
    hold_after(monkeypatch, "_name_taken")

    done, refused = race(
        lambda: _new(admin, _unit_id("SO-TU-PHAP"), UnitKind.DEPARTMENT,
                     "Phòng Thử Mã Một", "THU-CUNG-MA"),
        lambda: _new(admin, _unit_id("UBND-22015"), UnitKind.DEPARTMENT,
                     "Phòng Thử Mã Hai", "THU-CUNG-MA"),
    )

    assert len(done) == 1 and len(refused) == 1
    assert refused[0] == {"code": "Mã này đã có đơn vị dùng."}


def _stopped(admin, parent_code: str, name: str) -> int:
    unit = _new(admin, _unit_id(parent_code), UnitKind.DEPARTMENT, name)
    units.set_active(admin, unit, False)
    return unit


def test_a_reactivation_and_a_creation_of_one_name_take_it_once(
    people, monkeypatch
):
    """Under two parents: the parents' locks do not meet, the name's does."""
    admin = people["quantri"]
    stopped = _stopped(admin, "SO-TU-PHAP", "Phòng Thử Lại Tên")
    hold_after(monkeypatch, "_namesake")

    done, refused = race(
        lambda: units.set_active(admin, stopped, True),
        lambda: _new(admin, _unit_id("UBND-22015"), UnitKind.DEPARTMENT,
                     "PHÒNG THỬ LẠI TÊN"),
    )

    assert len(done) == 1 and len(refused) == 1
    says = refused[0].get("active") or refused[0].get("name")
    assert "đã có đơn vị «" in says.lower()
    with session_scope() as session:
        active = [
            name
            for name, on in session.exec(select(Unit.name, Unit.active))
            if on and fold(name) == fold("Phòng Thử Lại Tên")
        ]
    assert len(active) == 1


def test_two_reactivations_of_one_name_leave_one(people, monkeypatch):
    admin = people["quantri"]
    first = _stopped(admin, "SO-TU-PHAP", "Phòng Thử Hai Lần Lại")
    second = _stopped(admin, "UBND-22015", "Phòng Thử Hai Lần Lại")
    hold_after(monkeypatch, "_namesake")

    done, refused = race(
        lambda: units.set_active(admin, first, True),
        lambda: units.set_active(admin, second, True),
    )

    assert len(done) == 1 and len(refused) == 1
    assert refused[0]["active"] == (
        "Không thể cho Phòng Thử Hai Lần Lại hoạt động lại: đã có đơn vị "
        "«Phòng Thử Hai Lần Lại» đang hoạt động. Đặt tên khác cho đơn vị này, "
        "hoặc dùng đơn vị đã có."
    )
    with session_scope() as session:
        on = session.exec(
            select(Unit.id).where(Unit.id.in_([first, second]), Unit.active)
        ).all()
    assert len(on) == 1


def test_a_reactivation_and_a_rename_to_its_name_take_it_once(
    people, monkeypatch
):
    admin = people["quantri"]
    stopped = _stopped(admin, "SO-TU-PHAP", "Phòng Thử Đổi Sang")
    other = _new(admin, _unit_id("UBND-22015"), UnitKind.DEPARTMENT,
                 "Phòng Thử Tên Cũ Khác")
    hold_after(monkeypatch, "_namesake")

    done, refused = race(
        lambda: units.set_active(admin, stopped, True),
        lambda: units.rename_unit(admin, other, {"name": "Phòng Thử Đổi Sang"}),
    )

    assert len(done) == 1 and len(refused) == 1
    says = refused[0].get("active") or refused[0].get("name")
    assert "«Phòng Thử Đổi Sang»" in says
    with session_scope() as session:
        named = session.exec(
            select(Unit.id).where(Unit.name == "Phòng Thử Đổi Sang", Unit.active)
        ).all()
    assert len(named) == 1


def test_a_rename_and_a_reactivation_of_one_unit_do_not_deadlock(
    people, monkeypatch
):
    """Both take the unit's row and its name's lock: in the same order (row
    first), or one would hold the name waiting for the row the other holds
    (PostgreSQL ends one with a deadlock error)."""
    admin = people["quantri"]
    stopped = _stopped(admin, "SO-TU-PHAP", "Phòng Thử Khóa Chéo")
    hold_after(monkeypatch, "_namesake")

    done, refused = race(
        lambda: units.rename_unit(admin, stopped, {"name": "Phòng thử khóa chéo"}),
        lambda: units.set_active(admin, stopped, True),
    )

    assert len(done) == 2 and refused == []
    with session_scope() as session:
        unit = session.get(Unit, stopped)
        assert (unit.name, unit.active) == ("Phòng thử khóa chéo", True)


def test_a_merge_and_a_reactivation_of_a_moving_section_do_not_deadlock(
    people, monkeypatch
):
    """A merge moves the source's sub-units; a reactivation of one of them
    locks it, then its parent (the source). With the sub-unit's id below the
    source's, the merge must lock the sub-unit with the source, or each
    would hold what the other waits for (PostgreSQL ends one with a
    deadlock error)."""
    admin = people["quantri"]
    province = _unit_id("66")
    first = _new(admin, province, UnitKind.DEPARTMENT, "Sở Thử Nhập Trước")
    section = _new(admin, first, UnitKind.DEPARTMENT, "Phòng Thử Đi Theo")
    source = _new(admin, province, UnitKind.DEPARTMENT, "Sở Thử Nhập Sau")
    target = _new(admin, province, UnitKind.DEPARTMENT, "Sở Thử Nhận")
    units.merge_units(admin, str(first), str(source), "Quyết định thử số 1")
    units.set_active(admin, section, False)
    assert section < source
    hold_after(monkeypatch, "_merge_pair")

    done, refused = race(
        lambda: units.merge_units(admin, str(source), str(target), "Quyết định 2"),
        lambda: units.set_active(admin, section, True),
    )

    assert len(done) == 2 and refused == []
    with session_scope() as session:
        moved = session.get(Unit, section)
        assert (moved.parent_id, moved.active) == (target, True)
