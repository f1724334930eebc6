"""Local users with argon2 password hashes; `python -m ranpe users`. Where they live depends on the store: beside the
embedded store, a TOML file outside the repository (as ever); on the shared store, its table `users`, which every
process and machine reads (migration 011), every change under the store's write lock and in its audit log. Every
function takes the store (None: the file) and picks the place: one interface for the sign-in and the CLI."""

from __future__ import annotations

import functools
import json
import os
import re
import stat
import threading
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from ranpe import config
from ranpe.access import audit
from ranpe.access.roles import ROLES, Actor, require
from ranpe.store import sql
from ranpe.store.connection import Store

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
    return _resolved(str(path.expanduser() if path else users_file()), os.getcwd())


@functools.lru_cache(maxsize=64)
def _resolved(path: str, cwd: str) -> Path:
    # Every page run asks (sign-in, each download button): the path resolved once per name and working folder.
    resolved = Path(path).resolve()
    if resolved.is_relative_to(config.REPO_ROOT):
        raise UserError(f"{resolved}: the users file must live outside the repository")
    return resolved


# The users file as last read, with the file's state then: every page run asks for it.
_last_read: dict[str, Any] = {}
_read_lock = threading.Lock()


def load_users(path: Path | None = None, *, store: Store | None = None) -> dict[str, User]:
    """Every user: of the shared store's table when store is one, else of the file (none when the file does not
    exist). Kept between reads: the file read again only when it changes, the table once per data version."""
    if in_store(store):
        return _store_users(store)
    return _file_users(path)


def _file_users(path: Path | None) -> dict[str, User]:
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


def in_store(store: Store | None) -> bool:
    """Whether the users of this store live in its table (the shared store) rather than in the users file."""
    return store is not None and store.is_lake


# The shared store's users as last read, per store and data version (its DuckLake snapshot, read again at most once a
# second): every page run asks for them, PostgreSQL answers at most once per version.
_store_read: dict[str, tuple[int, dict[str, User]]] = {}


def _store_users(store: Store) -> dict[str, User]:
    version = store.data_version()
    kept = _store_read.get(str(store.path))
    if kept is None or kept[0] != version:
        kept = _store_read[str(store.path)] = (version, _users_of(store.query_rows("access/users")))
    return dict(kept[1])


def _users_of(rows: list[dict[str, Any]]) -> dict[str, User]:
    return {
        row["name"]: User(row["name"], row["role"], row["password_hash"], row["email"])
        for row in rows
        if row["role"] in ROLES
    }


def _change(
    edit: Callable[[dict[str, User]], str | None], *, actor: Actor, path: Path | None, store: Store | None
) -> None:
    """Apply edit (it changes the dict of users, and returns the name it changed, if any) where the users live: the
    file rewritten; or, on the shared store, inside one serialised write that reads the table afresh (so a name
    stays unique whatever other processes do), writes the changed user's row anew and audits the change."""
    if not in_store(store):
        users = load_users(path)
        edit(users)
        _save(users, path)
        return
    try:
        with store.write_alone() as cur:
            result = cur.execute(sql.load("access/users"))
            columns = [d[0] for d in result.description]
            users = _users_of([dict(zip(columns, row, strict=True)) for row in result.fetchall()])
            before = dict(users)
            name = edit(users)
            if name is None:
                return
            cur.execute(sql.load("access/user_delete"), {"name": name})
            user = users.get(name)
            if user is not None:
                cur.execute(
                    sql.load("access/user_insert"),
                    {
                        "name": user.name,
                        "role": user.role,
                        "email": user.email,
                        "password_hash": user.password_hash,
                        "changed_at": datetime.now(),
                        "changed_by": actor.name,
                    },
                )
            audit.write(cur, actor, "user_change", _audited(before.get(name), user))
    finally:
        _store_read.pop(str(store.path), None)


def _audited(before: User | None, after: User | None) -> dict[str, Any]:
    """What the audit log keeps of a user's change: the name, what changed, the role; never a hash."""
    user = after or before
    if before is None:
        change = "add"
    elif after is None:
        change = "remove"
    elif before.role != after.role:
        change = "role"
    else:
        change = "password"
    return {"user": user.name if user else "", "change": change, "role": user.role if user else ""}


def add_user(
    name: str,
    role: str,
    password: str,
    *,
    actor: Actor,
    email: str = "",
    path: Path | None = None,
    store: Store | None = None,
) -> User:
    """Create a user (admins only)."""
    require(actor, "admin", "manage users")
    name = _check_name(name)
    user = User(name, _check_role(role), _hash(password), email.strip().lower())

    def edit(users: dict[str, User]) -> str:
        if name in users:
            raise UserError(f"{name}: exists already")
        users[name] = user
        return name

    _change(edit, actor=actor, path=path, store=store)
    return user


def set_role(name: str, role: str, *, actor: Actor, path: Path | None = None, store: Store | None = None) -> User:
    """Change a user's role (admins only)."""
    require(actor, "admin", "manage users")
    role = _check_role(role)
    changed: list[User] = []

    def edit(users: dict[str, User]) -> str:
        user = _existing(users, name)
        users[user.name] = User(user.name, role, user.password_hash, user.email)
        changed.append(users[user.name])
        return user.name

    _change(edit, actor=actor, path=path, store=store)
    return changed[0]


def set_password(
    name: str, password: str, *, actor: Actor, path: Path | None = None, store: Store | None = None
) -> None:
    """Set a user's password (admins only)."""
    require(actor, "admin", "manage users")
    password_hash = _hash(password)

    def edit(users: dict[str, User]) -> str:
        user = _existing(users, name)
        users[user.name] = User(user.name, user.role, password_hash, user.email)
        return user.name

    _change(edit, actor=actor, path=path, store=store)


def remove_user(name: str, *, actor: Actor, path: Path | None = None, store: Store | None = None) -> None:
    """Delete a user (admins only)."""
    require(actor, "admin", "manage users")

    def edit(users: dict[str, User]) -> str:
        user = _existing(users, name)
        del users[user.name]
        return user.name

    _change(edit, actor=actor, path=path, store=store)


def import_file(store: Store, *, actor: Actor, path: Path | None = None) -> tuple[list[str], list[str]]:
    """Copy the users file's users into the shared store's table (admins only): the names copied, and the names the
    table holds already (left as they are there). `users import` and `migrate` to a shared store use it."""
    require(actor, "admin", "manage users")
    if not in_store(store):
        raise UserError(f"{store.path}: the embedded store's users are the users file itself; nothing to import")
    imported: list[str] = []
    kept: list[str] = []
    for user in sorted(_file_users(path).values(), key=lambda u: u.name):

        def edit(users: dict[str, User], user: User = user) -> str | None:
            if user.name in users:
                kept.append(user.name)
                return None
            users[user.name] = user
            imported.append(user.name)
            return user.name

        _change(edit, actor=actor, path=path, store=store)
    return imported, kept


def not_imported(store: Store | None, path: Path | None = None) -> Path | None:
    """The users file, when the shared store holds no user while that file has some: sign-in stays on (and nobody
    can sign in) until they are imported, rather than the store opening to everyone as the local admin."""
    if not in_store(store) or load_users(store=store):
        return None
    try:
        return _checked_path(path) if _file_users(path) else None
    except UserError:
        return None


def _existing(users: dict[str, User], name: str) -> User:
    user = users.get(name.strip().lower())
    if user is None:
        raise UserError(f"{name}: no such user")
    return user


def verify(name: str, password: str, path: Path | None = None, *, store: Store | None = None) -> User | None:
    """The user when the password matches, else None (same cost whether or not the user exists)."""
    user = load_users(path, store=store).get(name.strip().lower())
    try:
        _hasher.verify(user.password_hash if user and user.password_hash else _DUMMY_HASH, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    return user if user and user.password_hash else None


def role_for_email(email: str, mapping: dict[str, str], path: Path | None = None, *, store: Store | None = None) -> str:
    """The role of a signed-in e-mail: the mapping (from secrets) first, then the users file, else viewer."""
    email = email.strip().lower()
    lowered = {key.strip().lower(): value for key, value in mapping.items()}
    if lowered.get(email) in ROLES:
        return lowered[email]
    for user in load_users(path, store=store).values():
        if user.email and user.email == email:
            return user.role
    return "viewer"
