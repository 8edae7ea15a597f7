"""Inline tables of rows (indicators, justification lines, directions) edited in the browser: rows are
added and removed with htmx, so their numbers may have gaps; a row left entirely empty is skipped.
The row form itself is portal.forms.RowForm."""

import re


class RowSet:
    """Rows of one inline table, named `<prefix>-<n>-<field>`. Rows may be added and removed in the
    browser, so the numbers may have gaps: the rows are whatever the request carries."""

    def __init__(self, form_class, prefix: str, *, data=None, initial: list[dict] | None = None):
        self.form_class, self.prefix = form_class, prefix
        if data is not None:
            pattern = re.compile(rf"^{re.escape(prefix)}-(\d+)-")
            indices = sorted({int(m.group(1)) for key in data for m in [pattern.match(key)] if m})
            self.forms = [form_class(data, prefix=f"{prefix}-{i}", index=i) for i in indices]
        else:
            indices = list(range(len(initial or [])))
            self.forms = [
                form_class(initial=row, prefix=f"{prefix}-{i}", index=i) for i, row in enumerate(initial or [])
            ]
        self.next_index = (max(indices) + 1) if indices else 0
        self.is_bound = data is not None

    def __iter__(self):
        return iter(self.forms)

    def __len__(self):
        return len(self.forms)

    def is_valid(self) -> bool:
        return all([form.is_valid() for form in self.forms])  # every form, so every error shows

    @property
    def errors(self):
        return [form.errors for form in self.forms if form.errors]

    @property
    def rows(self) -> list[dict]:
        return [form.cleaned_data for form in self.forms if form.has_changed() and form.cleaned_data]

    def empty_form(self, index: int):
        return self.form_class(prefix=f"{self.prefix}-{index}", index=index)
