"""Why a bundle is refused: every message names the value it is about, and nothing is imported."""

from __future__ import annotations

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext


class BundleRefused(Exception):
    """The bundle is refused and nothing was imported; ``messages`` say why."""

    def __init__(self, messages) -> None:
        self.messages = [str(message) for message in messages]
        super().__init__("; ".join(self.messages))


class BundleDamaged(BundleRefused):
    """The zip itself is damaged or incomplete: a member missing, corrupt, truncated or of a lying size."""

    def __init__(self, reason: str) -> None:
        super().__init__([gettext("This bundle is damaged or incomplete; nothing was imported."), reason])


class Refusals:
    """Every problem found in a bundle, each with the bundle path of its value (``campaign.body[3].value.url``),
    so that one attempt shows them all."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def __bool__(self) -> bool:
        return bool(self.messages)

    def add(self, path: str, message: str) -> None:
        self.messages.append(gettext("%(path)s: %(message)s") % {"path": path, "message": message})

    def add_error(self, path: str, error: ValidationError) -> None:
        """A model's or a field's ValidationError; a model's field errors name the field in the path."""
        if hasattr(error, "error_dict"):
            for name, messages in error.message_dict.items():
                for message in messages:
                    self.add(path if name == NON_FIELD_ERRORS else f"{path}.{name}", message)
        else:
            for message in error.messages:
                self.add(path, message)

    def raise_if_any(self) -> None:
        if self.messages:
            raise BundleRefused(self.messages)
