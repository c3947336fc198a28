"""The unit tree screen: browse a level at a time, create, rename, merge,
deactivate."""

import reflex as rx

from xlvphc.services import units
from xlvphc.state.session import SessionState


def _unit_id(value: object) -> str:
    """Keep only a plausible id from the browser; the service re-checks it."""
    text = str(value) if isinstance(value, int | str) else ""
    return text if text.isdigit() and len(text) < 12 else ""


class UnitsState(SessionState):
    parent_id: str = ""
    path: list[dict] = []
    rows: list[dict] = []
    # The kinds a sub-unit of this level may take, as the service allows
    # them (services.units.kinds_under): the form offers only these.
    kinds: list[dict[str, str]] = []
    # The unit whose rename / merge panel is open: id, name, "root" ("1"
    # for the province, which cannot be merged) and the counts of its row
    # (cases in use, active users, children).
    selected: dict[str, str] = {}
    # What the merge awaiting confirmation moves, as merge_units counts it
    # (services.units.merge_preview: binned cases and locked accounts too),
    # as the dialog reads it: "340 hồ sơ (3 trong thùng rác)".
    moving_cases: str = ""
    moving_users: str = ""
    moving_units: str = ""
    merge_choices: list[dict] = []
    # The merge awaiting confirmation (trial finding: it ran on one click
    # and cannot be undone): the receiving unit and the reason sent.
    merge_target_id: str = ""
    merge_target_name: str = ""
    merge_reason: str = ""
    # The unit whose deactivation awaits confirmation (a row listed here).
    deactivate_id: str = ""
    deactivate_name: str = ""
    # A new key draws the create form again, empty: only after a unit is
    # created. A refusal keeps what was typed (user trial: it was all lost).
    create_form_key: int = 0

    async def _load(self):
        ok, result = await self._call_in_thread(units.browse, self.parent_id or None)
        if not ok:
            return result
        self.path = result["path"]
        self.kinds = result["kinds"]
        # The top level holds the tree's root (the province), which can be
        # neither stopped nor merged (services.units refuses both): its row
        # offers neither.
        root = not self.parent_id
        self.rows = [{**row, "root": root} for row in result["rows"]]

    @rx.event
    async def open(self):
        self.parent_id = ""
        self.selected = {}
        self.merge_choices = []
        self.merge_target_id = ""
        self.deactivate_id = ""
        return await self._load()

    @rx.event
    async def go(self, unit_id: str):
        self.parent_id = _unit_id(unit_id)
        self.selected = {}
        self.deactivate_id = ""
        return await self._load()

    @rx.event
    def select(self, unit_id: str):
        """Open the panel of a unit listed on this screen."""
        row = next((r for r in self.rows if r["id"] == _unit_id(unit_id)), None)
        self.selected = (
            {
                "id": row["id"],
                "name": row["name"],
                "root": "1" if row.get("root") else "",
                "cases": str(row["cases"]),
                "users": str(row["users"]),
                "children": str(row["children"]),
            }
            if row
            else {}
        )
        self.merge_choices = []
        self.merge_target_id = ""
        self.errors = {}

    @rx.event
    def close(self):
        self.selected = {}
        self.errors = {}

    @rx.event
    async def create(self, form: dict):
        form = dict(form) if isinstance(form, dict) else {}
        # "new_name": the rename panel's "name" field may be open beside it.
        form = {
            "name": form.get("new_name"),
            "kind": form.get("kind"),
            "code": form.get("code"),
            "parent_id": self.parent_id,
        }
        ok, result = await self._call_in_thread(units.create_unit, form)
        if not ok:
            if "name" in self.errors:
                self.errors = {**self.errors, "new_name": self.errors["name"]}
            return result
        self.create_form_key += 1
        await self._load()
        return rx.toast.success("Đã tạo đơn vị.")

    @rx.event
    async def rename(self, form: dict):
        ok, result = await self._call_in_thread(
            units.rename_unit, self.selected.get("id"), form
        )
        if not ok:
            return result
        self.selected = {}
        await self._load()
        return rx.toast.success("Đã đổi tên đơn vị.")

    @rx.event
    async def find_target(self, form: dict):
        query = form.get("q") if isinstance(form, dict) else ""
        ok, result = await self._call_in_thread(units.search_units, query)
        if ok:
            self.merge_choices = [
                r for r in result if r["id"] != self.selected.get("id")
            ]

    @rx.event
    async def ask_merge(self, form: dict):
        """«Sáp nhập» pressed: open the confirmation naming both units and
        what moves, once a receiving unit found here is chosen and a reason
        given (what the dialog needs; services.units.merge_units checks it
        all again). A receiving unit the merge would refuse (what moves does
        not fit there: services.units._merge_refusal) is refused here, at
        its field, and the dialog stays shut."""
        form = form if isinstance(form, dict) else {}
        target_id = _unit_id(form.get("target_id"))
        target = next((c for c in self.merge_choices if c["id"] == target_id), None)
        reason = str(form.get("reason") or "").strip()[:500]
        errors = {}
        if target is None:
            errors["target_id"] = "Vui lòng chọn đơn vị nhận."
        if len(reason) < 5:
            errors["reason"] = "Vui lòng ghi căn cứ sáp nhập."
        self.errors = errors
        self.message = ""
        if errors or not self.selected.get("id"):
            return
        ok, result = await self._call_in_thread(
            units.merge_preview, self.selected.get("id"), target_id
        )
        if not ok:
            return result
        self.moving_cases = result["cases"]
        self.moving_users = result["users"]
        self.moving_units = result["units"]
        self.merge_target_id = target_id
        self.merge_target_name = target["name"]
        self.merge_reason = reason

    @rx.event
    def merge_dialog(self, value: bool):
        """Escape or a click outside closes the dialog: nothing is merged."""
        if not value:
            self.merge_target_id = ""

    @rx.event
    async def merge(self):
        """Confirmed. A refusal closes the dialog: its reason is shown at the
        panel's fields."""
        target_id, self.merge_target_id = self.merge_target_id, ""
        if not target_id:
            return
        ok, result = await self._call_in_thread(
            units.merge_units,
            self.selected.get("id"),
            target_id,
            self.merge_reason,
        )
        if not ok:
            return result
        self.selected = {}
        self.merge_choices = []
        await self._load()
        done = (
            f"Đã sáp nhập: chuyển {result['cases']} hồ sơ, {result['users']} tài "
            f"khoản, {result['units']} đơn vị trực thuộc."
        )
        if result.get("titles"):
            # Their titles would print on new decisions (units.merge_units).
            return rx.toast.warning(
                f"{done} Chức danh của các tài khoản sau còn ghi tên đơn vị cũ, "
                f"hãy sửa ở trang Tài khoản: {', '.join(result['titles'])}.",
                duration=20000,
            )
        return rx.toast.success(done)

    @rx.event
    async def set_active(self, unit_id: str, active: bool):
        ok, result = await self._call_in_thread(
            units.set_active, _unit_id(unit_id), active
        )
        if not ok:
            # Also where the user tapped: on a phone the page's message sits
            # a screen above the row's button (user trial: nothing seemed to
            # happen).
            return result or (rx.toast.error(self.message) if self.message else None)
        await self._load()
        return rx.toast.success("Đã cập nhật trạng thái đơn vị.")

    @rx.event
    def ask_deactivate(self, unit_id: str):
        """Open the confirmation of a unit listed on this screen."""
        row = next((r for r in self.rows if r["id"] == _unit_id(unit_id)), None)
        self.deactivate_id = row["id"] if row else ""
        self.deactivate_name = row["name"] if row else ""
        self.errors = {}
        self.message = ""

    @rx.event
    def deactivate_dialog(self, value: bool):
        """Escape or a click outside closes the dialog."""
        if not value:
            self.deactivate_id = ""

    @rx.event
    async def deactivate(self):
        """Confirmed: a refusal keeps the dialog open with its reason."""
        ok, result = await self._call_in_thread(
            units.set_active, self.deactivate_id, False
        )
        if not ok:
            return result
        self.deactivate_id = ""
        await self._load()
        return rx.toast.success(f"Đã ngừng hoạt động {self.deactivate_name}.")
