"""Local users with argon2 password hashes, in a TOML file outside the repository; `python -m ranpe users`."""

from __future__ import annotations

import json
import os
import re
import stat
import threading
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from ranpe import config
from ranpe.access.roles import ROLES, Actor, require

DEFAULT_USERS_FILE = Path("~/.config/ranpe/users.toml")
USER_NAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._@-]{0,63}$")
MIN_PASSWORD_LENGTH = 10
_hasher = PasswordHasher()
# Verified against when the user does not exist, so that an unknown name costs the same time as a wrong password.
_DUMMY_HASH = _hasher.hash("not a real password")


class UserError(ValueError):
    """A user-management request that cannot be done (unknown user, bad name, weak password)."""


@dataclass(frozen=True)
class User:
    """One local user: name, role, optional e-mail (for sign-in via OIDC) and password hash."""

    name: str
    role: str
    password_hash: str = ""
    email: str = ""

    def actor(self) -> Actor:
        return Actor(self.name, self.role)


def users_file() -> Path:
    """$RANPE_USERS_FILE, else ~/.config/ranpe/users.toml."""
    return Path(os.environ.get("RANPE_USERS_FILE") or DEFAULT_USERS_FILE).expanduser()


def _checked_path(path: Path | None) -> Path:
    path = (path or users_file()).expanduser().resolve()
    if path.is_relative_to(config.REPO_ROOT):
        raise UserError(f"{path}: the users file must live outside the repository")
    return path


# The users file as last read, with the file's state then: every page run asks for it.
_last_read: dict[str, Any] = {}
_read_lock = threading.Lock()


def load_users(path: Path | None = None) -> dict[str, User]:
    """Every user in the file (none when the file does not exist); read again only when the file changes."""
    path = _checked_path(path)
    try:
        found = path.stat()
    except OSError:
        return {}
    if not stat.S_ISREG(found.st_mode):
        return {}
    stamp = (str(path), found.st_mtime_ns, found.st_size, found.st_ino)
    with _read_lock:
        if _last_read.get("stamp") != stamp:
            _last_read.update(stamp=stamp, users=_read_users(path))
        return dict(_last_read["users"])


def _read_users(path: Path) -> dict[str, User]:
    with open(path, "rb") as handle:
        data = tomllib.load(handle)
    found = {}
    for name, entry in data.get("users", {}).items():
        role = entry.get("role", "viewer")
        if role not in ROLES:
            continue
        found[name] = User(name, role, entry.get("password_hash", ""), entry.get("email", ""))
    return found


def _save(users: dict[str, User], path: Path | None) -> None:
    """Write the file atomically, readable by its owner only; strings quoted as JSON (valid TOML)."""
    path = _checked_path(path)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    lines = ["# Pantau RAN PE local users (managed by `python -m ranpe users`); argon2 password hashes.", ""]
    for user in sorted(users.values(), key=lambda u: u.name):
        lines.append(f"[users.{json.dumps(user.name)}]")
        lines.append(f"role = {json.dumps(user.role)}")
        if user.email:
            lines.append(f"email = {json.dumps(user.email)}")
        if user.password_hash:
            lines.append(f"password_hash = {json.dumps(user.password_hash)}")
        lines.append("")
    partial = path.with_suffix(path.suffix + ".part")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines))
    partial.replace(path)


def _check_name(name: str) -> str:
    name = name.strip().lower()
    if not USER_NAME_PATTERN.match(name):
        raise UserError(f"{name!r}: a user name is 1–64 of a-z 0-9 . _ @ -")
    return name


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise UserError(f"{role!r}: the role is one of {', '.join(ROLES)}")
    return role


def _hash(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError(f"a password has at least {MIN_PASSWORD_LENGTH} characters")
    return _hasher.hash(password)


def add_user(name: str, role: str, password: str, *, actor: Actor, email: str = "", path: Path | None = None) -> User:
    """Create a user (admins only)."""
    require(actor, "admin", "manage users")
    users = load_users(path)
    name = _check_name(name)
    if name in users:
        raise UserError(f"{name}: exists already")
    user = User(name, _check_role(role), _hash(password), email.strip().lower())
    users[name] = user
    _save(users, path)
    return user


def set_role(name: str, role: str, *, actor: Actor, path: Path | None = None) -> User:
    """Change a user's role (admins only)."""
    require(actor, "admin", "manage users")
    users = load_users(path)
    user = _existing(users, name)
    users[user.name] = User(user.name, _check_role(role), user.password_hash, user.email)
    _save(users, path)
    return users[user.name]


def set_password(name: str, password: str, *, actor: Actor, path: Path | None = None) -> None:
    """Set a user's password (admins only)."""
    require(actor, "admin", "manage users")
    users = load_users(path)
    user = _existing(users, name)
    users[user.name] = User(user.name, user.role, _hash(password), user.email)
    _save(users, path)


def remove_user(name: str, *, actor: Actor, path: Path | None = None) -> None:
    """Delete a user (admins only)."""
    require(actor, "admin", "manage users")
    users = load_users(path)
    user = _existing(users, name)
    del users[user.name]
    _save(users, path)


def _existing(users: dict[str, User], name: str) -> User:
    user = users.get(name.strip().lower())
    if user is None:
        raise UserError(f"{name}: no such user")
    return user


def verify(name: str, password: str, path: Path | None = None) -> User | None:
    """The user when the password matches, else None (same cost whether or not the user exists)."""
    user = load_users(path).get(name.strip().lower())
    try:
        _hasher.verify(user.password_hash if user and user.password_hash else _DUMMY_HASH, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    return user if user and user.password_hash else None


def role_for_email(email: str, mapping: dict[str, str], path: Path | None = None) -> str:
    """The role of a signed-in e-mail: the mapping (from secrets) first, then the users file, else viewer."""
    email = email.strip().lower()
    lowered = {key.strip().lower(): value for key, value in mapping.items()}
    if lowered.get(email) in ROLES:
        return lowered[email]
    for user in load_users(path).values():
        if user.email and user.email == email:
            return user.role
    return "viewer"
