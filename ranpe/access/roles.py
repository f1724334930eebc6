"""Who may do what: roles checked by the engine on every write, whatever the interface hides."""

from __future__ import annotations

from dataclasses import dataclass

ROLES = ("viewer", "analyst", "admin")


class Forbidden(PermissionError):
    """The caller's role does not allow this action."""

    def __init__(self, actor: Actor, needed: str, action: str):
        super().__init__(f"{actor.name} ({actor.role}) may not {action}: needs {needed}")
        self.actor = actor
        self.needed = needed
        self.action = action


@dataclass(frozen=True)
class Actor:
    """A person (or the system) acting on the store, with a role."""

    name: str
    role: str

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValueError(f"unknown role: {self.role}")

    def can(self, needed: str) -> bool:
        return ROLES.index(self.role) >= ROLES.index(needed)


def require(actor: Actor, needed: str, action: str) -> None:
    """Raise Forbidden unless actor has at least the needed role."""
    if not actor.can(needed):
        raise Forbidden(actor, needed, action)


# The operator of the command line, who holds the database file, acts as an admin.
def cli_actor(name: str) -> Actor:
    return Actor(name or "cli", "admin")


SYSTEM = Actor("system", "admin")
