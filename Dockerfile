FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 gettext \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.lock ./
RUN pip install --no-cache-dir --require-hashes -r requirements.lock
COPY . .
RUN python manage.py compile_translations \
 && DJANGO_SECRET_KEY=build STATIC_ROOT=/app/staticfiles \
    STATICFILES_STORAGE=whitenoise.storage.CompressedManifestStaticFilesStorage \
    python manage.py collectstatic --noinput
RUN useradd --system --home /app demeu && mkdir -p /srv/demeu/media && chown demeu /srv/demeu/media
USER demeu
EXPOSE 8000
# Sync workers, two per core (WEB_CONCURRENCY is gunicorn's default for --workers): on 2 cores they beat
# 2 workers x 4 threads in bench/deadline_rush.py (server p95 52-75 ms against 139-148 ms; see the README).
ENV WEB_CONCURRENCY=4
# --preload: the application is imported once, before the fork (bench/preload_memory.py, 4 workers after serving
# the public pages: private memory 85 -> 72 MB a worker, all of gunicorn 360 -> 350 MB PSS, boot 13 s -> 6 s; a
# worker that dies is forked again from the loaded master). A code change needs a restart, not a HUP: the image
# is replaced on every deploy anyway.
CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000", "--timeout", "60", "--preload"]
