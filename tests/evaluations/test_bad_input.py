"""Input the fuzz test of the harness sent: each answered a 500."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from evaluations.models import ApplicationTranslation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("chosen", ["", "abc", "1.5"])
def test_a_translation_for_no_application_is_a_404(world, client, chosen):
    client.force_login(world.users["call_manager"])
    before = ApplicationTranslation.objects.count()
    response = client.post(f"/ru/staff/evaluation/calls/{world.eval_call.code}/translations/", {
        "application": chosen, "t1-language": "ru",
        "t1-file": SimpleUploadedFile("t.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf"),
    })
    assert response.status_code == 404
    assert ApplicationTranslation.objects.count() == before
