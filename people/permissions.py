"""Permission checks shared by every service: each service checks its permission itself, since an
admin action list (or a form) is not a security boundary."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied


def require_permission(user, permission: str) -> None:
    """Services check permissions themselves: an admin action list is not a security boundary."""
    if user is None or not user.has_perm(permission):
        raise PermissionDenied(f"{getattr(user, 'username', 'anonymous')} lacks {permission}")
