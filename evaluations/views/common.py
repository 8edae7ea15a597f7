from django.core.exceptions import PermissionDenied, ValidationError


def require(request, perm: str, obj=None) -> None:
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


def error_messages(error: ValidationError) -> list[str]:
    return [str(m) for m in error.messages]
