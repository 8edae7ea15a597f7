"""The prize workflow is read-only in the admin, for a superuser too: changes go through the services."""

import pytest
from django.contrib import admin
from django.test import RequestFactory

from portal.models import User
from prizes.models import Candidacy, Proposal, Round


@pytest.mark.django_db
def test_rounds_candidacies_and_proposals_are_read_only_in_the_admin():
    request = RequestFactory().get("/admin/")
    request.user = User.objects.create_superuser(email="root@example.kz", password="x")
    for model in (Round, Candidacy, Proposal):
        model_admin = admin.site._registry[model]
        assert model_admin.has_view_permission(request), model
        assert not model_admin.has_add_permission(request), model
        assert not model_admin.has_change_permission(request), model
        assert not model_admin.has_delete_permission(request), model
