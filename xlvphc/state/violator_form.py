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


class ViolatorKindMixin(rx.State, mixin=True):
    """The chosen kind, mixed into the states of the case forms."""

    kind: str = INDIVIDUAL

    @rx.event
    def set_kind(self, value: str):
        self.kind = kind_of(value)

    def _violator_form(self, form: object) -> dict:
        """The submitted form, copied, mapped for the services."""
        return service_form(dict(form) if isinstance(form, dict) else {}, self.kind)

    def _show_violator_errors(self) -> None:
        """After a refused save: each problem under the box shown for it
        (`errors` is SessionState's)."""
        self.errors = form_errors(self.errors, self.kind)
