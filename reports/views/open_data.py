"""/<lang>/open-data/ says what is published and how to use it; /open-data/grants.json|csv|xlsx are the files
(360Giving 1.4), streamed, with ETag/Last-Modified from the grants' version so a conditional GET costs no query."""

from django.http import FileResponse, Http404, HttpResponseNotModified, StreamingHttpResponse
from django.shortcuts import render
from django.utils.http import http_date, parse_http_date_safe

from portal.public_cache import mark_public, public_page

from ..opendata import files, threesixty

FIELDS = "reports/open_data_fields.html"


@public_page("grants")
def index(request):
    meta = files.stored_meta()
    return render(request, "reports/open_data.html", {
        "generated_at": meta.get("generated_at"),
        "headings": threesixty.headings(1),
        "prefix": threesixty.grant_id(""),
    })


def download(request, fmt: str):
    if fmt not in files.FORMATS:
        raise Http404
    stamp = files.version()
    modified = files.last_modified(stamp)
    etag = f'"{fmt}-{stamp}"' if stamp else None
    if etag and request.headers.get("If-None-Match") == etag:
        return mark_public(_with_validators(HttpResponseNotModified(), etag, modified))
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    if stamp and since and not request.headers.get("If-None-Match") and int(modified.timestamp()) <= since:
        return mark_public(_with_validators(HttpResponseNotModified(), etag, modified))
    stored = files.stored_copy(fmt, stamp)
    if stored is not None:
        response = FileResponse(stored, content_type=files.FORMATS[fmt])
    elif fmt == "json":
        response = StreamingHttpResponse(files.json_chunks(modified=modified), content_type=files.FORMATS[fmt])
    elif fmt == "csv":
        response = StreamingHttpResponse(files.csv_chunks(), content_type=files.FORMATS[fmt])
    else:
        response = FileResponse(files.xlsx_file(modified=modified), content_type=files.FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="demeu-grants-360giving.{fmt}"'
    response["Access-Control-Allow-Origin"] = "*"  # open data: any site's script may read it
    return mark_public(_with_validators(response, etag, modified))


def _with_validators(response, etag, modified):
    if etag:
        response["ETag"] = etag
    response["Last-Modified"] = http_date(modified.timestamp())
    return response
