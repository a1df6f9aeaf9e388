"""A signed version is frozen: editing is refused with the offer of a new version."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ....domain.case import Case
from ....domain.plan_drafting import begin_new_version, is_frozen
from ...dialogs.confirm import ConfirmDialog

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..base import PsrScreen

    class _Base(PsrScreen):
        """What the guard uses of the builder it is mixed into (not the builder itself,
        which derives from this guard: a cycle the type checker cannot follow)."""

        case: Case

        def say(self, message: str) -> None: ...

        def save_or_say(self, change: Callable[[Case], object], action: str, summary: str,
                        *, editing: bool = True) -> bool: ...
else:
    _Base = object


def frozen_message(case: Case) -> str:
    version = case.plan.version if case.plan else 1
    return (f"Version {version} is agreed and signed, so it cannot be edited: "
            "start a new version (n)")


class FrozenVersionGuard(_Base):
    """Mixed into the builder: the refusal, and the new version both parties sign again."""

    def offer_new_version(self, question: str) -> None:
        user, today = self.psr.user, self.psr.today()

        def answered(yes: bool | None) -> None:
            if not yes:
                self.say(frozen_message(self.case) if is_frozen(self.case) else "")
                return
            if self.save_or_say(lambda c: begin_new_version(c, user, today), "plan.new_version",
                                "started a new version", editing=False):
                assert self.case.plan is not None
                self.say(f"Version {self.case.plan.version} started: both parties sign again.")

        self.app.push_screen(ConfirmDialog(
            f"{question}\nLater edits make a new version that needs both signatures again.",
            yes="New version",
        ), answered)

    def editing_allowed(self) -> bool:
        if not is_frozen(self.case):
            return True
        assert self.case.plan is not None
        self.say(frozen_message(self.case))
        self.offer_new_version(
            f"Version {self.case.plan.version} is agreed and signed. "
            f"Start version {self.case.plan.version + 1} to edit it?"
        )
        return False
