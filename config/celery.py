"""Celery app: broker and results on Redis (REDIS_URL); eager in the embedded run."""

import os

from celery import Celery

os.environ["DJANGO_SETTINGS_MODULE"] = os.environ.get("DJANGO_SETTINGS_MODULE") or "config.settings"

app = Celery("demeu")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
# Subpackages of grants keep their own tasks modules.
app.autodiscover_tasks(["grants.screening"])
