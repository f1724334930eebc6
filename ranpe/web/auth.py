"""The thin Streamlit layer for who is signed in: no sign-in (one local admin), OIDC via st.login, or local users."""

from __future__ import annotations

import functools
import threading
import time
import weakref
from pathlib import Path
from typing import Any

import streamlit as st

from ranpe import config
from ranpe.access import audit, users
from ranpe.access.roles import Actor
from ranpe.i18n import t
from ranpe.store.connection import Store
from ranpe.web import frame

LOCAL_ADMIN = Actor("admin-lokal", "admin")
ANONYMOUS = Actor("anonim", "viewer")
_SIGNED_IN_KEY = "ranpe_signed_in_user"
_OIDC_LOGGED_KEY = "ranpe_oidc_sign_in_logged"
# After this many wrong passwords for one user name, sign-in for that name waits this long.
MAX_FAILED_SIGN_INS = 5
LOCKOUT_SECONDS = 60
_failures: dict[str, tuple[int, float]] = {}
_failures_lock = threading.Lock()


# -- who is signed in --------------------------------------------------------------------------------


# Streamlit re-reads its secrets files on every access while none exists, under one lock for every session:
# the secrets seen are kept per st.secrets object and per state of its files.
_seen_secrets: dict[str, Any] = {}


@functools.cache
def _secrets_files() -> tuple[Path, ...]:
    return tuple(Path(path).expanduser() for path in st.get_option("secrets.files"))


def _file_stamp(path: Path) -> tuple[int, int] | None:
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_mtime_ns, found.st_size


def _secrets() -> dict[str, Any]:
    stamp = tuple(_file_stamp(path) for path in _secrets_files())
    seen = _seen_secrets.get("entry")
    if seen is not None and seen[0]() is st.secrets and seen[1] == stamp:
        return seen[2]
    try:
        found = {key: st.secrets[key] for key in st.secrets}
    except Exception:  # no secrets file at all
        found = {}
    _seen_secrets["entry"] = (weakref.ref(st.secrets), stamp, found)
    return found


def users_store() -> Store | None:
    """The store whose table holds the local users (the shared store), else None: the users file."""
    return frame.store() if config.is_lake(config.store_target()) else None


def _users() -> dict[str, users.User]:
    """The local users (the file's, or the shared store's, read once per data version); PostgreSQL lost on the way
    is said on the page."""
    with frame.store_guard():
        return users.load_users(store=users_store())


def auth_mode() -> str:
    """'oidc' when [auth] is in secrets, 'local' when there are local users, else 'off'. On the shared store with no
    users in it while the users file has some, 'local' too: nobody signs in until they are imported."""
    if "auth" in _secrets():
        return "oidc"
    try:
        if _users():
            return "local"
        with frame.store_guard():
            return "local" if users.not_imported(users_store()) else "off"
    except users.UserError:
        return "off"


def current_actor() -> Actor:
    """The person using this session, with their role (an anonymous viewer until signed in)."""
    mode = auth_mode()
    if mode == "off":
        return LOCAL_ADMIN
    if mode == "oidc":
        if not st.user.get("is_logged_in"):
            return ANONYMOUS
        email = str(st.user.get("email") or "")
        roles = dict(_secrets().get("roles", {}))
        with frame.store_guard():
            return Actor(email, users.role_for_email(email, roles, store=users_store()))
    name = st.session_state.get(_SIGNED_IN_KEY)
    user = _users().get(name) if name else None
    return user.actor() if user else ANONYMOUS


def is_signed_in() -> bool:
    """Whether someone is signed in (always true when sign-in is off)."""
    return auth_mode() == "off" or current_actor() is not ANONYMOUS


def require_role(actor: Actor, needed: str, lang: str) -> None:
    """Stop the page with a notice unless the actor has the role (the engine checks again on every write)."""
    if not actor.can(needed):
        st.warning(
            t("ws.access.needs_role", lang, role=t(f"ws.role.{needed}", lang), current=t(f"ws.role.{actor.role}", lang))
        )
        st.stop()


def _locked_out(name: str) -> bool:
    with _failures_lock:
        count, since = _failures.get(name, (0, 0.0))
        if count >= MAX_FAILED_SIGN_INS and time.monotonic() - since < LOCKOUT_SECONDS:
            return True
        if count >= MAX_FAILED_SIGN_INS:
            _failures.pop(name, None)
    return False


def _note_failure(name: str) -> None:
    with _failures_lock:
        count, _ = _failures.get(name, (0, 0.0))
        _failures[name] = (count + 1, time.monotonic())


def _sign_in_form(lang: str) -> None:
    waiting = users.not_imported(users_store())
    if waiting is not None:
        st.warning(t("users.not_imported", lang, path=waiting), icon=":material/group_off:")
    with st.form("ranpe_sign_in"):
        st.markdown(f"**{t('ws.auth.sign_in', lang)}**")
        name = st.text_input(t("ws.auth.user_name", lang), key="ranpe_sign_in_name")
        password = st.text_input(t("ws.auth.password", lang), type="password", key="ranpe_sign_in_password")
        submitted = st.form_submit_button(t("ws.auth.sign_in", lang))
    if not submitted:
        return
    name = name.strip().lower()[:64]
    if _locked_out(name):
        st.error(t("ws.auth.locked", lang, seconds=LOCKOUT_SECONDS))
        return
    user = users.verify(name, password, store=users_store())
    store = frame.store()
    if user is None:
        _note_failure(name)
        audit.record(store, Actor(name or "?", "viewer"), "sign_in_failed", {"mode": "local"})
        st.error(t("ws.auth.wrong", lang))
        return
    with _failures_lock:
        _failures.pop(name, None)
    st.session_state[_SIGNED_IN_KEY] = user.name
    audit.record(store, user.actor(), "sign_in", {"mode": "local"})
    st.rerun()


def ensure_signed_in(lang: str) -> Actor:
    """The signed-in actor; with sign-in configured and nobody signed in, the sign-in form, and the page stops."""
    frame.ensure_in_frame()
    mode = auth_mode()
    actor = current_actor()
    if mode == "oidc":
        if actor is ANONYMOUS:
            st.markdown(t("ws.auth.please_sign_in", lang))
            if st.button(t("ws.auth.sign_in", lang), key="ranpe_oidc_sign_in"):
                st.login()
            st.stop()
        if not st.session_state.get(_OIDC_LOGGED_KEY):
            st.session_state[_OIDC_LOGGED_KEY] = True
            with frame.store_guard():
                audit.record(frame.store(), actor, "sign_in", {"mode": "oidc"})
    elif mode == "local" and actor is ANONYMOUS:
        with frame.store_guard():
            _sign_in_form(lang)
        st.stop()
    return actor


def render_account(lang: str) -> None:
    """Who is signed in and a sign-out button, or the notice that sign-in is off; with sign-in configured and
    nobody signed in, the sign-in form, and the page stops there."""
    mode = auth_mode()
    if mode == "off":
        st.sidebar.info(t("ws.auth.off", lang), icon=":material/lock_open:")
        return
    actor = ensure_signed_in(lang)
    st.sidebar.caption(t("ws.auth.signed_in_as", lang, name=actor.name, role=t(f"ws.role.{actor.role}", lang)))
    if st.sidebar.button(t("ws.auth.sign_out", lang), key="ranpe_sign_out"):
        with frame.store_guard():
            audit.record(frame.store(), actor, "sign_out", {"mode": mode})
        st.session_state.pop(_SIGNED_IN_KEY, None)
        st.session_state.pop(_OIDC_LOGGED_KEY, None)
        if mode == "oidc":
            st.logout()
        st.rerun()
