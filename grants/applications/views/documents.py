"""The documents of a draft: attach, replace, remove, and download (also for staff once submitted)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import forms, selectors, services
from ..choices import REQUIRED_DOCUMENTS, DocumentKind, Section
from ..models import Application, ApplicationDocument
from .common import application_for, can_edit, sections_nav


@login_required
def documents(request, pk):
    application = application_for(request, pk)
    now = timezone.now()
    editable = can_edit(request, application, now)
    if not editable and request.method == "GET":
        return redirect("applications:detail", pk=application.pk)
    form = forms.DocumentUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if not editable:
            raise PermissionDenied
        if form.is_valid():
            try:
                document = services.document_upload(
                    application=application, kind=form.cleaned_data["kind"], upload=form.cleaned_data["file"],
                    actor=request.user, now=now,
                )
            except ValidationError as error:
                form.add_error("file", error)
            else:
                messages.success(request, _("“%(name)s” is attached.") % {"name": document.name})
                return redirect("applications:documents", pk=application.pk)
    application = selectors.application_with_content(application.pk)
    return render(
        request,
        "grants/applications/documents.html",
        {
            "application": application, "form": form, "section": Section.DOCUMENTS,
            "section_label": Section.DOCUMENTS.label,
            "upload_limit": settings.UPLOAD_MAX_BYTES,
            "required": [DocumentKind(k).label for k in REQUIRED_DOCUMENTS],
            **sections_nav(application, Section.DOCUMENTS),
        },
    )


def _document(request, pk, document) -> tuple[Application, ApplicationDocument]:
    application = application_for(request, pk)
    return application, get_object_or_404(ApplicationDocument, pk=document, application=application)


@login_required
def document_download(request, pk, document):
    _application_, document = _document(request, pk, document)
    response = FileResponse(document.file.open("rb"), as_attachment=True, filename=document.name,
                            content_type=document.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def document_replace(request, pk, document):
    application, document = _document(request, pk, document)
    if not can_edit(request, application):
        raise PermissionDenied
    form = forms.DocumentReplaceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            document = services.document_replace(
                document=document, upload=form.cleaned_data["file"], actor=request.user
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            messages.success(request, _("The document is replaced with “%(name)s”.") % {"name": document.name})
            return redirect("applications:documents", pk=application.pk)
    return render(request, "grants/applications/document_replace.html",
                  {"application": application, "document": document, "form": form})


@login_required
def document_delete(request, pk, document):
    application, document = _document(request, pk, document)
    if not can_edit(request, application):
        raise PermissionDenied
    if request.method == "POST":
        try:
            services.document_delete(document=document, actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("“%(name)s” is removed.") % {"name": document.name})
        return redirect("applications:documents", pk=application.pk)
    return render(request, "grants/applications/document_delete.html",
                  {"application": application, "document": document})
