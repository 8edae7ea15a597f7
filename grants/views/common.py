from django.core.exceptions import ValidationError


def add_errors(form, error: ValidationError) -> None:
    """A service's refusal shown on the form: under the field it names, or above the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            for message in errors:
                form.add_error(field if field in form.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)
