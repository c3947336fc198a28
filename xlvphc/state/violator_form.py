"""The violator part of the case forms (new case, on the spot, edit): which
kind of violator is chosen, and the form's field names mapped to the keys
the services read.

Both kinds' boxes stay on the page and the chosen kind's are shown
(components/violator_fields.py): switching to "Tổ chức" and back brings
back what was typed for the person, and nothing typed for one kind shows in
the other's boxes. The organisation's name and address therefore have boxes
of their own (`org_name`, `org_address`); the services read `name` and
`address` for either kind and keep only the chosen kind's fields
(services.case_input.read_violator)."""

import reflex as rx

from xlvphc import routes
from xlvphc.domain.dates import parse_date
from xlvphc.domain.minors import minor_rule, record_warning, spot_refusal

INDIVIDUAL = "individual"
ORGANISATION = "organisation"
# Service key -> the organisation's own box.
ORGANISATION_BOXES = {"name": "org_name", "address": "org_address"}


def kind_of(value: object) -> str:
    """Anything but "organisation" is a person (the form's default)."""
    return ORGANISATION if value == ORGANISATION else INDIVIDUAL


def service_form(form: dict, kind: str) -> dict:
    """The form as the services read it: for an organisation its own name
    and address boxes stand for `name` and `address`; the boxes of the kind
    not chosen are sent too (hidden, they keep their text) and the service
    leaves them out."""
    out = {k: v for k, v in form.items() if k not in ORGANISATION_BOXES.values()}
    if kind == ORGANISATION:
        for key, box in ORGANISATION_BOXES.items():
            out[key] = form.get(box, "")
    out["kind"] = kind
    return out


def form_errors(errors: dict, kind: str) -> dict:
    """The service's problems keyed by the boxes that show them: an
    organisation's name or address problem goes under its own box."""
    if kind != ORGANISATION:
        return errors
    return {ORGANISATION_BOXES.get(k, k): v for k, v in errors.items()}


def typed_minor_warning(birth: object, violated: object,
                        on_the_spot: bool = False) -> str:
    """The under-14 warning for the dates as typed so far ("" when either is
    not yet a date, or the birth is after the violation, which the save
    refuses on its own). The same rule and text as after the save
    (services.cases.creation_warning; domain/minors.py, Law Art. 5); on the
    on-the-spot form, the refusal its save gives (no record is made there)."""
    born, day = parse_date(_short(birth)), parse_date(_short(violated))
    if born is None or day is None or born > day:
        return ""
    rule = minor_rule(born, day)
    return (spot_refusal(rule) or "") if on_the_spot else record_warning(rule)


def _short(value: object) -> str:
    """A typed date, as a string of sane length (handler arguments come from
    the browser unchecked)."""
    return value[:40] if isinstance(value, str) else ""


class ViolatorKindMixin(rx.State, mixin=True):
    """The chosen kind, mixed into the states of the case forms."""

    kind: str = INDIVIDUAL
    # Shown under "Ngày sinh" while the form is filled in: a person under 14
    # on the day of the violation is not sanctioned (Law Art. 5). Only a
    # warning, as after the save: the record may still be kept.
    minor_warning: str = ""
    _typed_birth: str = ""
    _typed_violation_day: str = ""

    @rx.event
    def set_kind(self, value: str):
        self.kind = kind_of(value)

    def _check_age(self, birth: object = None, violated: object = None) -> None:
        """Keep the typed dates (None: unchanged) and the warning they give;
        assigned only when it changes, so a blur sends nothing back."""
        if birth is not None:
            self._typed_birth = _short(birth)
        if violated is not None:
            self._typed_violation_day = _short(violated)
        spot = self.router.url.path.rstrip("/") == routes.ON_THE_SPOT
        warning = typed_minor_warning(
            self._typed_birth, self._typed_violation_day, spot
        )
        if warning != self.minor_warning:
            self.minor_warning = warning

    @rx.event
    def check_birth(self, value: str):
        """The "Ngày sinh" box changed (debounced) or was left."""
        self._check_age(birth=value)

    @rx.event
    def check_violation_day(self, value: str):
        """The "Ngày vi phạm" box changed (debounced) or was left."""
        self._check_age(violated=value)

    def _violator_form(self, form: object) -> dict:
        """The submitted form, copied, mapped for the services."""
        return service_form(dict(form) if isinstance(form, dict) else {}, self.kind)

    def _show_violator_errors(self) -> None:
        """After a refused save: each problem under the box shown for it
        (`errors` is SessionState's)."""
        self.errors = form_errors(self.errors, self.kind)
