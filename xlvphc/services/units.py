"""The unit tree kept by system administrators: browse, create, rename, merge,
deactivate. Units are never deleted: cases and the audit trail point at them.

A merge (two communes joined, a department reorganised) moves the source's
cases, users and sub-units to the target, deactivates the source and writes
one audit row with the counts; only when what moves fits under the target
(_merge_refusal: two communes are joined body by body, then the commune).
Moved users' sessions end, as for any change of unit (security.md
"Sessions").
"""

import logging
import re

from sqlalchemy import func, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from xlvphc.domain.money import format_number
from xlvphc.domain.text import clean, fold, sort_key
from xlvphc.models import Case, DocumentSequence, Unit, User
from xlvphc.models.units import UnitKind
from xlvphc.services import audit, search_index
from xlvphc.services.access import Action, Actor, require, unit_scope
from xlvphc.services.auth import revoke_sessions
from xlvphc.services.db import lock_key, lock_rows, session_scope
from xlvphc.services.errors import NotFound, ValidationFailed
from xlvphc.services.inputs import read_name, valid_id

log = logging.getLogger(__name__)

CODE_RE = re.compile(r"^[A-Z0-9][A-Z0-9-]{1,39}$")
MAX_CHILDREN_SHOWN = 500

# The kinds of unit that may be created under each kind (create_unit, and
# what the form offers: kinds_under). The tree is the province as the
# reference data loads it (services.reference): under the province, its
# departments (Sở, ban, ngành: departments_daklak.csv) and its communes
# (units_daklak.csv); under a commune, which is an area and sanctions
# nothing, the two bodies that do: its People's Committee and its police,
# one of each (ONE_PER_COMMUNE); under any body (a department, a committee,
# a police), its own sections: "Chi cục Kiểm lâm", "Bộ phận một cửa", "Đồn
# Công an", kept as the department kind, as the code already models them
# (they sanction in their parent's line, services.signer_fit), and named
# SECTION_LABEL there. A user trial added a «Sở, ban, ngành» and a «Xã,
# phường» under a commune. The rule is checked when a unit is created, for
# the sub-units a merge moves (_merge_refusal) and when a stopped unit is
# made active again (_reactivation_refusal: stop a UBND, add another, then
# reactivate the first gave a commune two). Units saved before it keep
# working (browse, rename, stop; merge when what moves fits). A kind
# missing here (none is) would get sections only. Each check and the write
# it allows are one step for concurrent requests (two administrators, a form
# sent twice): the parent's row is locked before its sub-units are counted
# (db.lock_rows), and a name before it is looked for (_name_key).
CHILD_KINDS = {
    UnitKind.PROVINCE: (UnitKind.DEPARTMENT, UnitKind.COMMUNE),
    UnitKind.COMMUNE: (UnitKind.COMMUNE_COMMITTEE, UnitKind.COMMUNE_POLICE),
    UnitKind.DEPARTMENT: (UnitKind.DEPARTMENT,),
    UnitKind.COMMUNE_COMMITTEE: (UnitKind.DEPARTMENT,),
    UnitKind.COMMUNE_POLICE: (UnitKind.DEPARTMENT,),
}
ONE_PER_COMMUNE = (UnitKind.COMMUNE_COMMITTEE, UnitKind.COMMUNE_POLICE)
SECTION_LABEL = "Phòng, ban, bộ phận trực thuộc"


def _id_from(value: object) -> int | None:
    if isinstance(value, str) and value.isdigit() and len(value) < 12:
        value = int(value)
    return valid_id(value)


def choice_key(kind: str, name: str) -> tuple:
    """Order of units offered for a pick: the province (the tree's root)
    first, then by name as a Vietnamese reader expects (text.sort_key; the
    database's order puts "Đ", "Ô", "Ủy" and "Tỉnh" after "Y")."""
    return (kind != UnitKind.PROVINCE, sort_key(name))


def _get(session: Session, unit_id: object) -> Unit:
    uid = _id_from(unit_id)
    unit = session.get(Unit, uid) if uid else None
    if unit is None:
        raise NotFound()
    return unit


def kind_label(kind: str, parent_kind: str | None) -> str:
    """What a kind is called under a parent of `parent_kind`: a department
    kind below the province is a section of its parent (CHILD_KINDS)."""
    if kind == UnitKind.DEPARTMENT and parent_kind not in (None, UnitKind.PROVINCE):
        return SECTION_LABEL
    return UnitKind.LABELS.get(kind, kind)


def allowed_under(parent_kind: str) -> tuple[str, ...]:
    """The kinds a sub-unit of a `parent_kind` unit may be (CHILD_KINDS)."""
    return CHILD_KINDS.get(parent_kind, (UnitKind.DEPARTMENT,))


def _kinds_text(parent_kind: str) -> str:
    """Those kinds as a refusal names them: «…» hoặc «…»."""
    return " hoặc ".join(
        f"«{kind_label(k, parent_kind)}»" for k in allowed_under(parent_kind)
    )


def _present(session: Session, parent: Unit) -> dict[str, str]:
    """The active sub-units of `parent` of a kind a commune has one of, by
    kind: the name of each."""
    return dict(
        session.exec(
            select(Unit.kind, Unit.name).where(
                Unit.parent_id == parent.id,
                Unit.active.is_(True),
                Unit.kind.in_(ONE_PER_COMMUNE),
            )
        ).all()
    )


def kinds_under(session: Session, parent: Unit) -> list[dict[str, str]]:
    """The kinds a new sub-unit of `parent` may take (CHILD_KINDS), less
    the bodies a commune already has, as the form offers them."""
    present = _present(session, parent)
    return [
        {"id": kind, "name": kind_label(kind, parent.kind)}
        for kind in allowed_under(parent.kind)
        if kind not in present
    ]


def _kind_refusal(session: Session, parent: Unit, kind: str) -> str:
    """Why a sub-unit of `kind` cannot be created under `parent`; "" when
    it can."""
    if kind not in UnitKind.LABELS:
        return "Vui lòng chọn loại đơn vị."
    if kind not in allowed_under(parent.kind):
        return (
            f"Dưới {parent.name} chỉ thêm được đơn vị loại "
            f"{_kinds_text(parent.kind)}."
        )
    existing = _present(session, parent).get(kind)
    if existing:
        return (
            f"{parent.name} đã có {existing}: mỗi xã, phường chỉ có một đơn vị "
            f"loại «{UnitKind.LABELS[kind]}». Bộ phận trực thuộc thêm ở bên "
            "trong đơn vị đó."
        )
    return ""


def _row(
    unit: Unit, children: int, users: int, cases: int, parent_kind: str | None
) -> dict:
    return {
        "id": str(unit.id),
        "code": unit.code,
        "name": unit.name,
        "kind": kind_label(unit.kind, parent_kind),
        "active": unit.active,
        "children": children,
        "users": users,
        "cases": cases,
    }


def _counts(session: Session, ids: list[int]) -> tuple[dict, dict, dict]:
    def per(column, where):
        return dict(
            session.exec(
                select(column, func.count())
                .where(column.in_(ids), *where)
                .group_by(column)
            ).all()
        )

    return (
        per(Unit.parent_id, ()),
        per(User.unit_id, (User.active,)),
        per(Case.unit_id, (Case.deleted_at.is_(None),)),
    )


def browse(actor: Actor, parent_id: object = None) -> dict:
    """A unit's path from the root and its direct sub-units, with how many
    sub-units, active users and cases each has, and the kinds a new
    sub-unit may take (kinds_under). No parent: the roots."""
    require(actor, Action.UNIT_MANAGE)
    with session_scope() as session:
        path: list[dict] = []
        parent = _get(session, parent_id) if parent_id not in (None, "") else None
        node = parent
        while node is not None and len(path) < 20:
            path.insert(0, {"id": str(node.id), "name": node.name})
            node = session.get(Unit, node.parent_id) if node.parent_id else None
        children = session.exec(
            select(Unit)
            .where(Unit.parent_id == (parent.id if parent else None))
            .order_by(Unit.active.desc(), Unit.kind, Unit.name)
            .limit(MAX_CHILDREN_SHOWN)
        ).all()
        children = sorted(
            children, key=lambda u: (not u.active, u.kind, sort_key(u.name))
        )
        sub, users, cases = _counts(session, [u.id for u in children])
        kind = parent.kind if parent else None
        return {
            "path": path,
            "rows": [
                _row(
                    u, sub.get(u.id, 0), users.get(u.id, 0), cases.get(u.id, 0), kind
                )
                for u in children
            ],
            "kinds": kinds_under(session, parent) if parent else [],
        }


# Room kept after the parent's code for "-" and the sub-unit's number.
_NUMBER_ROOM = 6


def _new_code(session: Session, parent: Unit) -> str:
    """The code of a sub-unit created without one: its parent's code and the
    next number among its parent's ("UBND-22015-1", "66-3"), so that it
    reads as where the unit sits and is short to type (the unit column of
    an account import). A slug of the name was long ("CHI-CUC-KIEM-LAM-
    VUNG-I-…", trial finding). Within the column's 40 characters: a long
    parent code is cut. Unique: the numbers taken are read first, and the
    unique index refuses a clash with a concurrent creation."""
    longest = Unit.__table__.c.code.type.length
    prefix = parent.code[: longest - _NUMBER_ROOM].rstrip("-") or "DV"
    taken = {
        code[len(prefix) + 1:]
        for code in session.exec(
            select(Unit.code).where(Unit.code.startswith(f"{prefix}-",
                                                         autoescape=True))
        )
    }
    numbers = [int(t) for t in taken if t.isdigit() and len(t) < _NUMBER_ROOM]
    n = max(numbers, default=0) + 1
    while str(n) in taken:
        n += 1
    return f"{prefix}-{n}"


def _name(data: dict, errors: dict) -> str:
    # The unit's name heads every paper it issues (inputs.read_name).
    name, problem = read_name(data.get("name"), "tên đơn vị", 3, 200)
    if problem:
        errors["name"] = problem
    return name


def _namesake(session: Session, name: str, other_than: int | None = None) -> str:
    """The name of an active unit, other than `other_than`, written alike
    `name` once accents and case are set aside; "" when there is none."""
    wanted = fold(name)
    for unit_id, existing in session.exec(
        select(Unit.id, Unit.name).where(Unit.active.is_(True))
    ):
        if unit_id != other_than and fold(existing) == wanted:
            return existing
    return ""


def _name_taken(session: Session, name: str, other_than: int | None = None) -> str:
    """Why `name` cannot be given: an active unit has it already (_namesake;
    verification trial: a second "Phường Tuy Hòa" beside the first in every
    unit list)."""
    existing = _namesake(session, name, other_than)
    if existing:
        return (
            f"Đã có đơn vị «{existing}». Đặt tên khác, hoặc dùng đơn vị đã "
            "có."
        )
    return ""


def _name_key(name: str) -> str:
    """The lock taken before a name is looked for (_name_taken): names
    written alike share it, so two requests giving one name take turns."""
    return f"unit-name:{fold(name)}"


def _code_clash(exc: IntegrityError) -> bool:
    """The unique index on the code refused the new row: a unit created at
    the same moment took the code. Codes are checked before, without a lock
    (a typed code may be wanted under any parent); the index keeps them
    unique, and this turns its refusal into a message."""
    text = str(exc.orig)
    return "ix_unit_code" in text or "unit.code" in text


def create_unit(actor: Actor, data: object) -> int:
    """A new unit under an existing active one, of a kind that fits there
    (CHILD_KINDS)."""
    require(actor, Action.UNIT_MANAGE)
    data = data if isinstance(data, dict) else {}
    errors: dict[str, str] = {}
    name = _name(data, errors)
    kind = clean(data.get("kind"), 20)
    code = clean(data.get("code"), 50).upper()
    if code and not CODE_RE.match(code):
        errors["code"] = "Mã gồm 2–40 chữ in hoa không dấu, số hoặc gạch ngang."
    with session_scope() as session:
        parent_id = _id_from(data.get("parent_id"))
        if parent_id:
            lock_rows(session, Unit, [parent_id])
        if name:
            lock_key(session, _name_key(name))
        parent = session.get(Unit, parent_id) if parent_id else None
        if parent is None or not parent.active:
            errors["parent_id"] = "Vui lòng chọn đơn vị cấp trên đang hoạt động."
            if kind not in UnitKind.LABELS or kind == UnitKind.PROVINCE:
                errors["kind"] = "Vui lòng chọn loại đơn vị."
        elif refusal := _kind_refusal(session, parent, kind):
            errors["kind"] = refusal
        if code and session.exec(select(Unit.id).where(Unit.code == code)).first():
            errors["code"] = "Mã này đã có đơn vị dùng."
        taken = _name_taken(session, name) if name else ""
        if taken:
            errors["name"] = taken
        if errors:
            # No box shows the parent: its problem is the message itself.
            raise ValidationFailed(errors, errors.get("parent_id", ""))
        unit = Unit(
            code=code or _new_code(session, parent),
            name=name,
            kind=kind,
            parent_id=parent.id,
            source="Tạo trong ứng dụng",
        )
        session.add(unit)
        try:
            session.flush()
        except IntegrityError as exc:
            if not _code_clash(exc):
                raise
            log.info("user=%s: unit code taken at the same moment", actor.user_id)
            raise ValidationFailed(
                {
                    "code": "Mã này đã có đơn vị dùng."
                    if code
                    else f"Mã {unit.code} vừa được một đơn vị khác dùng. Vui lòng "
                    "lưu lại."
                }
            ) from None
        audit.record(
            session,
            actor,
            "unit.created",
            entity="unit",
            entity_id=unit.id,
            after={
                "code": unit.code,
                "name": name,
                "kind": kind,
                "parent_id": parent.id,
            },
        )
        log.info("user=%s created unit=%s", actor.user_id, unit.id)
        return unit.id


def rename_unit(actor: Actor, unit_id: object, data: object) -> None:
    require(actor, Action.UNIT_MANAGE)
    errors: dict[str, str] = {}
    name = _name(data if isinstance(data, dict) else {}, errors)
    if errors:
        raise ValidationFailed(errors)
    with session_scope() as session:
        unit = _get(session, unit_id)
        # The unit's row before the name, as set_active takes them (a
        # reactivation of this unit or of a sub-unit of it, which looks for
        # its name, waits for the rename rather than deadlocking with it).
        lock_rows(session, Unit, [unit.id])
        session.refresh(unit)
        if unit.name == name:
            return
        lock_key(session, _name_key(name))
        taken = _name_taken(session, name, unit.id)
        if taken:
            raise ValidationFailed({"name": taken})
        audit.record(
            session,
            actor,
            "unit.renamed",
            entity="unit",
            entity_id=unit.id,
            before={"name": unit.name},
            after={"name": name},
        )
        unit.name = name
        session.add(unit)
        log.info("user=%s renamed unit=%s", actor.user_id, unit.id)


def _refuse(reason: str) -> ValidationFailed:
    """A refused change of state. The reason is also the message: no field
    of the unit screen shows the "active" key, and the generic "see the
    marked fields" left the user without it (user trial)."""
    return ValidationFailed({"active": reason}, reason)


def _reactivation_refusal(session: Session, unit: Unit, parent: Unit) -> str:
    """Why the stopped `unit` cannot be active again under `parent`; "" when
    it can. As for a new unit (CHILD_KINDS, ONE_PER_COMMUNE): its kind fits
    under the parent, and a commune has one active UBND and one Công an (a
    successor may have been added while it was stopped)."""
    refused = f"Không thể cho {unit.name} hoạt động lại: "
    if unit.kind not in allowed_under(parent.kind):
        return (
            f"{refused}dưới {parent.name} chỉ đặt được đơn vị loại "
            f"{_kinds_text(parent.kind)}. Hãy sáp nhập đơn vị vào đơn vị phù hợp."
        )
    existing = _present(session, parent).get(unit.kind)
    if existing:
        return (
            f"{refused}{parent.name} đã có {existing} đang hoạt động, mà mỗi xã, "
            f"phường chỉ có một đơn vị loại «{UnitKind.LABELS[unit.kind]}». Muốn "
            f"dùng lại đơn vị này, hãy ngừng hoạt động {existing} trước."
        )
    return ""


def _name_refusal(session: Session, unit: Unit) -> str:
    """Why the stopped `unit` cannot be active again under its name: an
    active unit has it, written alike (_namesake), so every unit list would
    show two. "" when the name is free. The unit can be renamed while
    stopped («Đổi tên»), then made active."""
    existing = _namesake(session, unit.name, unit.id)
    if not existing:
        return ""
    return (
        f"Không thể cho {unit.name} hoạt động lại: đã có đơn vị «{existing}» "
        "đang hoạt động. Đặt tên khác cho đơn vị này, hoặc dùng đơn vị đã có."
    )


def set_active(actor: Actor, unit_id: object, active: object) -> None:
    """Deactivate only an empty unit (no active users, no active sub-units):
    otherwise merge it. Reactivation needs an active parent under which the
    unit still fits (_reactivation_refusal) and its name free: a stopped unit
    frees its name, which a new or renamed unit may have taken since
    (_name_refusal)."""
    require(actor, Action.UNIT_MANAGE)
    if not isinstance(active, bool):
        raise _refuse("Dữ liệu không hợp lệ.")
    with session_scope() as session:
        unit = _get(session, unit_id)
        # Stopping counts the unit's sub-units, reactivating its parent's
        # other bodies: both rows are locked, then the unit read afresh.
        lock_rows(session, Unit, [unit.id, unit.parent_id or unit.id])
        session.refresh(unit)
        if unit.active == active:
            return
        if not active:
            if unit.parent_id is None:
                raise _refuse("Không thể ngừng đơn vị gốc.")
            users = session.exec(
                select(func.count()).where(User.unit_id == unit.id, User.active)
            ).one()
            subs = session.exec(
                select(func.count()).where(Unit.parent_id == unit.id, Unit.active)
            ).one()
            if users or subs:
                held, steps = [], []
                if users:
                    held.append(f"{users} tài khoản")
                    steps.append("khóa hoặc chuyển các tài khoản sang đơn vị khác")
                if subs:
                    held.append(f"{subs} đơn vị trực thuộc")
                    steps.append("ngừng hoặc chuyển các đơn vị trực thuộc")
                raise _refuse(
                    f"Không thể ngừng hoạt động {unit.name}: đơn vị còn "
                    f"{' và '.join(held)} đang hoạt động. Hãy {', '.join(steps)}, "
                    "hoặc sáp nhập đơn vị vào đơn vị khác."
                )
        else:
            parent = session.get(Unit, unit.parent_id) if unit.parent_id else None
            if unit.parent_id and (parent is None or not parent.active):
                raise _refuse(
                    f"Không thể cho {unit.name} hoạt động lại: đơn vị cấp trên "
                    "đang ngừng hoạt động."
                )
            if parent is not None and (
                refusal := _reactivation_refusal(session, unit, parent)
            ):
                raise _refuse(refusal)
            # The name is locked before it is looked for, as create_unit and
            # rename_unit do (_name_key): a unit created or renamed to it at
            # the same moment takes turns with this one.
            lock_key(session, _name_key(unit.name))
            if refusal := _name_refusal(session, unit):
                raise _refuse(refusal)
        unit.active = active
        session.add(unit)
        audit.record(
            session,
            actor,
            "unit.activated" if active else "unit.deactivated",
            entity="unit",
            entity_id=unit.id,
            before={"active": not active},
            after={"active": active},
        )
        log.info("user=%s set unit=%s active=%s", actor.user_id, unit.id, active)


def _merge_refusal(session: Session, source: Unit, target: Unit) -> str:
    """Why `source` cannot be merged into `target`; "" when it can.

    What the merge moves must fit where it lands, as CHILD_KINDS and the
    account rules have it: the active sub-units must be of a kind allowed
    under the target (a commune merged into a department would put its UBND
    and Công an under the department); a commune keeps one UBND and one
    Công an (ONE_PER_COMMUNE: two communes are joined by merging the bodies
    first, then the emptied commune); a commune is an area that sanctions
    nothing and holds no account (accounts._read), so no cases or accounts
    move into one. Stopped sub-units are not judged: they act for nothing,
    and a sub-unit saved before CHILD_KINDS would otherwise bar its
    parent's merge for good.

    "Same kind on both sides" was the simpler rule, and not a sound one: it
    refuses folding a section («Bộ phận một cửa») into the body it belongs
    to, which the tree allows, and still lets two communes' bodies end up
    under one commune."""

    def refused(why: str) -> str:
        return f"Không thể sáp nhập {source.name} vào {target.name}: {why}"

    # The sub-units that move, each of a kind that fits under the target.
    moving = session.exec(
        select(Unit.kind, Unit.name).where(
            Unit.parent_id == source.id, Unit.active.is_(True)
        )
    ).all()
    allowed = allowed_under(target.kind)
    misfits = sorted(
        (name for kind, name in moving if kind not in allowed), key=sort_key
    )
    if misfits:
        names = ", ".join(misfits[:3]) + (" …" if len(misfits) > 3 else "")
        kinds = _kinds_text(target.kind)
        return refused(
            f"đơn vị trực thuộc {names} sẽ chuyển sang, nhưng dưới {target.name} "
            f"chỉ đặt được đơn vị loại {kinds}. Hãy chọn đơn vị nhận cùng loại với "
            f"{source.name}."
        )

    # One UBND and one Công an under a commune, counting both sides.
    present = _present(session, target)
    for kind, name in sorted(moving):
        if kind not in ONE_PER_COMMUNE:
            continue
        if kind in present:
            return refused(
                f"{target.name} sẽ có hai đơn vị loại «{UnitKind.LABELS[kind]}» "
                f"({present[kind]} và {name}). Hãy sáp nhập {name} vào "
                f"{present[kind]} trước."
            )
        present[kind] = name

    # A commune's UBND or Công an joins a body of its own kind: its cases,
    # accounts and signers' titles are that kind's (user trial: a UBND merged
    # into a Sở left its commune with no committee, the chairman's account
    # then under the Sở).
    if source.kind in ONE_PER_COMMUNE and target.kind != source.kind:
        return refused(
            f"{UnitKind.LABELS[source.kind]} chỉ sáp nhập được vào một đơn vị "
            f"«{UnitKind.LABELS[source.kind]}» khác."
        )

    # Cases and accounts belong to a body, never to an area.
    if target.kind == UnitKind.COMMUNE:
        held = _moving(session, source.id)
        if held["cases"] or held["users"]:
            return refused(
                f"{target.name} là địa bàn, không giữ hồ sơ hay tài khoản. Hãy "
                f"chọn Ủy ban nhân dân hoặc Công an của {target.name}."
            )
    return ""


def _merge_pair(session: Session, source_id: object, target_id: object) -> tuple:
    """The two units of a merge, or ValidationFailed at the receiving unit
    (the field of the merge panel that shows it)."""
    source = _get(session, source_id)
    target = _get(session, target_id)
    if source.id == target.id:
        raise ValidationFailed({"target_id": "Chọn một đơn vị khác để nhập vào."})
    if not source.active or not target.active:
        raise ValidationFailed({"target_id": "Cả hai đơn vị phải đang hoạt động."})
    if target.id in unit_scope(session, source.id):
        raise ValidationFailed(
            {"target_id": "Không thể nhập vào một đơn vị trực thuộc của nó."}
        )
    if source.parent_id is None:
        raise ValidationFailed({"target_id": "Không thể sáp nhập đơn vị gốc."})
    if refusal := _merge_refusal(session, source, target):
        raise ValidationFailed({"target_id": refusal})
    return source, target


def merge_units(
    actor: Actor, source_id: object, target_id: object, reason: object = ""
) -> dict:
    """Move everything of `source` into `target` and deactivate `source`,
    when what moves fits there (_merge_refusal). Returns the counts moved."""
    require(actor, Action.UNIT_MANAGE)
    note = clean(reason, 500)
    with session_scope() as session:
        # What moves and what is there already are checked on locked rows.
        ids = [i for i in (_id_from(source_id), _id_from(target_id)) if i]
        if source_key := _id_from(source_id):
            # The source's sub-units move too: locked with it, in one id
            # order, so that a reactivation of one of them (which locks it
            # and then its parent) cannot wait crosswise on this merge.
            ids += session.exec(
                select(Unit.id).where(Unit.parent_id == source_key)
            ).all()
        lock_rows(session, Unit, ids)
        source, target = _merge_pair(session, source_id, target_id)
        if len(note) < 5:
            raise ValidationFailed({"reason": "Vui lòng ghi căn cứ sáp nhập."})

        moved_users = session.exec(
            select(User.id).where(User.unit_id == source.id)
        ).all()
        cases = session.exec(
            update(Case)
            .where(Case.unit_id == source.id)
            .values(unit_id=target.id)
            .execution_options(synchronize_session=False)
        ).rowcount
        search_index.follow_unit_merge(session.connection(), source.id, target.id)
        session.exec(
            update(User)
            .where(User.unit_id == source.id)
            .values(unit_id=target.id)
            .execution_options(synchronize_session=False)
        )
        children = session.exec(
            update(Unit)
            .where(Unit.parent_id == source.id)
            .values(parent_id=target.id)
            .execution_options(synchronize_session=False)
        ).rowcount
        for user_id in moved_users:
            revoke_sessions(session, user_id)
        _carry_series(session, source.id, target.id)
        titles = _titles_naming(session, moved_users, source.name)
        source.active = False
        session.add(source)
        counts = {"cases": cases, "users": len(moved_users), "units": children}
        audit.record(
            session,
            actor,
            "unit.merged",
            entity="unit",
            entity_id=source.id,
            before={"unit_id": source.id, "name": source.name},
            after={"into": target.id, "name": target.name, **counts},
            reason=note,
        )
        log.info(
            "user=%s merged unit=%s into unit=%s %s",
            actor.user_id,
            source.id,
            target.id,
            counts,
        )
        return counts | {"titles": titles}


def _moving(session: Session, source_id: int) -> dict[str, int]:
    """What merge_units moves out of a unit, selected as it selects them:
    every case, those in the recycle bin too (they stay restorable, in the
    receiving unit); every account, locked ones too; every sub-unit,
    stopped ones too. The unit's row counts only the cases in use and the
    active accounts: the merge dialog showed those, fewer than moved."""

    def count(*where) -> int:
        return session.exec(select(func.count()).where(*where)).one()

    return {
        "cases": count(Case.unit_id == source_id),
        "binned": count(Case.unit_id == source_id, Case.deleted_at.is_not(None)),
        "users": count(User.unit_id == source_id),
        "locked": count(User.unit_id == source_id, User.active.is_(False)),
        "units": count(Unit.parent_id == source_id),
        "stopped": count(Unit.parent_id == source_id, Unit.active.is_(False)),
    }


def _counted(total: int, noun: str, part: int, part_text: str) -> str:
    """ "340 hồ sơ (3 trong thùng rác)"; the bracket only when there are."""
    text = f"{format_number(total)} {noun}"
    return f"{text} ({format_number(part)} {part_text})" if part else text


def merge_preview(
    actor: Actor, unit_id: object, target_id: object = None
) -> dict[str, str]:
    """What a merge of the unit would move, for the dialog that asks first:
    the counts merge_units moves, each with the part users do not see in
    the unit's row (binned cases, locked accounts, stopped sub-units).
    Given the receiving unit, a merge merge_units would refuse is refused
    here, before the dialog opens, with its reason at that field."""
    require(actor, Action.UNIT_MANAGE)
    with session_scope() as session:
        if target_id is not None:
            _merge_pair(session, unit_id, target_id)
        moving = _moving(session, _get(session, unit_id).id)
    return {
        "cases": _counted(moving["cases"], "hồ sơ", moving["binned"],
                          "trong thùng rác"),
        "users": _counted(moving["users"], "tài khoản", moving["locked"],
                          "đã khóa"),
        "units": _counted(moving["units"], "đơn vị trực thuộc", moving["stopped"],
                          "đã ngừng hoạt động"),
    }


def _carry_series(session: Session, source_id: int, target_id: int) -> None:
    """The target's number series continue after the highest number either
    unit issued (per symbol and year): the moved cases keep their numbers,
    and no new paper of the target repeats one of them (README «không bao
    giờ trùng»). Numbers the target issued before the merge that equal
    moved ones stay as signed: the papers name different units."""
    for doc_type, year, last in session.exec(
        select(
            DocumentSequence.doc_type, DocumentSequence.year, DocumentSequence.last
        ).where(DocumentSequence.unit_id == source_id)
    ).all():
        same = (
            DocumentSequence.unit_id == target_id,
            DocumentSequence.doc_type == doc_type,
            DocumentSequence.year == year,
        )
        if session.exec(select(DocumentSequence.id).where(*same)).first():
            session.exec(
                update(DocumentSequence)
                .where(*same, DocumentSequence.last < last)
                .values(last=last)
                .execution_options(synchronize_session=False)
            )
        else:
            session.add(
                DocumentSequence(
                    unit_id=target_id, doc_type=doc_type, year=year, last=last
                )
            )
    session.flush()


_BODY_WORDS = re.compile(r"^.*\b(phuong|xa|dac khu|thi tran)\s+")


def _titles_naming(session: Session, user_ids: list[int], old_name: str) -> list:
    """Moved accounts whose title names the merged unit ("Chủ tịch UBND
    phường Bình Kiến"): new decisions would print it, so the merge result
    asks the administrator to correct them (units page, accounts page).
    The place is what must not appear: "Bình Kiến" of "UBND phường Bình
    Kiến" (accent and case folded)."""
    place = _BODY_WORDS.sub("", fold(old_name)).strip()
    if not place or not user_ids:
        return []
    users = session.exec(
        select(User.username, User.full_name, User.title).where(
            User.id.in_(user_ids)
        )
    ).all()
    return [
        f"{name} ({username})"
        for username, name, title in sorted(users)
        if place in fold(title or "")
    ]


def search_units(actor: Actor, query: object) -> list[dict]:
    """Active units whose name or code contains the text (for the merge and
    create pickers); at most 30."""
    require(actor, Action.UNIT_MANAGE)
    text = clean(query, 100)
    if len(text) < 2:
        return []
    with session_scope() as session:
        rows = session.exec(
            select(Unit)
            .where(
                Unit.active,
                Unit.name.contains(text, autoescape=True)
                | Unit.code.contains(text.upper(), autoescape=True),
            )
            .limit(MAX_CHILDREN_SHOWN)
        ).all()
        rows = sorted(rows, key=lambda u: choice_key(u.kind, u.name))[:30]
        return [{"id": str(u.id), "name": f"{u.name} ({u.code})"} for u in rows]
