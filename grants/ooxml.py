"""Office Open XML (DOCX, XLSX, PPTX) checked by its structure, not by a ZIP's entry names.

Any ZIP with a `word/` folder looked like a DOCX before. A real package has `[Content_Types].xml` declaring
its main part (`word/document.xml` as `…wordprocessingml.document.main+xml`), and that part exists. A package
that carries a program (an .exe entry, or a PE/ELF binary, also inside an embedded object) is refused:
nobody needs one in a grant document, and the file is opened by staff and experts."""

import zipfile
from xml.etree import ElementTree

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAIN_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": "pptx",
}
EXECUTABLE_EXTENSIONS = {
    "exe", "dll", "com", "bat", "cmd", "scr", "msi", "ps1", "vbs", "vbe", "js", "jse", "jar", "sh", "cpl",
    "pif", "hta", "wsf", "lnk", "apk", "elf",
}
PROGRAM_MARKERS = (b"This program cannot be run in DOS mode", b"\x7fELF")
MAX_UNPACKED = 200 * 1024 * 1024  # a zip bomb is refused, not unpacked
MAX_SCANNED = 32 * 1024 * 1024
_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"


def _carries_a_program(archive: zipfile.ZipFile) -> bool:
    scanned = 0
    for info in archive.infolist():
        name = info.filename.lower()
        extension = name.rsplit(".", 1)[-1] if "." in name.rsplit("/", 1)[-1] else ""
        if extension in EXECUTABLE_EXTENSIONS:
            return True
        if info.is_dir() or scanned > MAX_SCANNED:
            continue
        with archive.open(info) as entry:
            data = entry.read(min(info.file_size, MAX_SCANNED - scanned))
        scanned += len(data)
        if data[:2] == b"MZ" or any(marker in data for marker in PROGRAM_MARKERS):
            return True
    return False


def ooxml_kind(upload) -> str | None:
    """'docx', 'xlsx' or 'pptx' for a well-formed package; None for any other file.

    Raises ValidationError for a package that carries a program or would unpack to a zip bomb."""
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "[Content_Types].xml" not in names:
                return None
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED:
                raise ValidationError(_("This archive unpacks to far more than any document."), code="zip_bomb")
            types = ElementTree.fromstring(archive.read("[Content_Types].xml"))
            kind = None
            for override in types.iter(f"{_NS}Override"):
                found = MAIN_TYPES.get(override.get("ContentType", ""))
                if found and override.get("PartName", "").lstrip("/") in names:
                    kind = found
            declared = {d.get("Extension", "").lower() for d in types.iter(f"{_NS}Default")}
            if kind and (declared & EXECUTABLE_EXTENSIONS or _carries_a_program(archive)):
                raise ValidationError(
                    _("This document carries a program inside it. Save it again without embedded files."),
                    code="embedded_program",
                )
            return kind
    except (zipfile.BadZipFile, ElementTree.ParseError, OSError, ValueError, KeyError, EOFError,
            NotImplementedError):
        return None
    finally:
        upload.seek(0)
