"""Demeu settings: one module, everything that differs between machines read from the environment.

Without DATABASE_URL and REDIS_URL the portal runs embedded: SQLite, an in-process cache,
Celery tasks run eagerly and e-mail goes to the console. See .env.example for every variable.
"""

from pathlib import Path

import environ
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="insecure-embedded-only-key-change-me-0123456789")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rules.apps.AutodiscoverRulesConfig",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_filters",
    "csp",
    "portal",
    "ngos",
    "grants",
    "evaluations",
    "agreements",
    "monitoring",
    "prizes",
    "appeals",
    "reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.middleware.CacheHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "csp.middleware.CSPMiddleware",
    "portal.middleware.LanguageMemoryMiddleware",
    "portal.middleware.RequireMFAMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "csp.context_processors.nonce",
                "portal.context_processors.portal",
            ],
            "builtins": ["portal.templatetags.portal"],
        },
    }
]
FORM_RENDERER = "portal.forms.FormRenderer"  # Django's, with <select> drawn in Python (same markup, faster)

# --- Data -------------------------------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
# Server-side cursors (.iterator(), the choice fields of forms) cost a DECLARE/FETCH/CLOSE round trip
# each for lists of a few dozen rows, and break behind pgbouncer's transaction pooling.
DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = env.bool("DATABASE_DISABLE_SERVER_SIDE_CURSORS", default=True)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {"timeout": 20}
    # The embedded demo makes PostgreSQL's covering indexes (INCLUDE) as plain ones, which is all it needs.
    SILENCED_SYSTEM_CHECKS = ["models.W040"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")


def redis_cache(url: str) -> dict:
    """The cache on Redis fails open (portal.cache): with Redis down, pages and sign-in work without it."""
    return {
        "BACKEND": "portal.cache.FailOpenRedisCache", "LOCATION": url,
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }


if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL)}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Public pages and their parts kept on the server until what they show changes (portal/public_cache.py).
# The test run turns it off (factories write without the services) except in the tests of the cache.
PUBLIC_CACHE = env.bool("PUBLIC_CACHE", default=True)

# --- Background jobs --------------------------------------------------------------------------
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or "cache+memory://"
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "Asia/Almaty"
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A request that hands work to the broker after commit must not wait for a broker that is down: short
# timeouts, and the outbox's beat job delivers what the broker did not take (portal.mail).
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 2, "socket_timeout": 5}
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5}
CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = 2
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {"retry_policy": {"max_retries": 2, "interval_step": 0.5}}
CELERY_BEAT_SCHEDULE = {
    "purge-stale-sessions": {"task": "portal.tasks.clear_expired_sessions", "schedule": 24 * 3600},
    "deliver-outbox": {"task": "portal.tasks.deliver_due_outbox", "schedule": 60},
    "purge-sent-outbox": {"task": "portal.tasks.purge_sent_outbox", "schedule": 24 * 3600},
    "expire-unsigned-grants": {"task": "agreements.tasks.expire_unsigned_grants", "schedule": 3600},
    # One dispatcher for every kind of reminder (portal.reminders); it works by window, so a missed run catches up.
    "dispatch-reminders": {"task": "portal.tasks.dispatch_reminders", "schedule": 15 * 60},
    # The open-data files written to storage at night, so downloads do not read the database (reports.tasks).
    "write-open-data": {"task": "reports.tasks.write_open_data", "schedule": crontab(hour=2, minute=30)},
    # The statistics' tallies counted again from scratch: the repair for writes that bypassed the signals.
    "rebuild-statistics": {"task": "reports.tasks.rebuild_statistics", "schedule": crontab(hour=2, minute=10)},
}
# The outbox: the first retry after a minute, then doubling up to six hours; given up after ten attempts.
OUTBOX_RETRY_SECONDS = env.int("OUTBOX_RETRY_SECONDS", default=60)
OUTBOX_RETRY_MAX_SECONDS = env.int("OUTBOX_RETRY_MAX_SECONDS", default=6 * 3600)
OUTBOX_MAX_ATTEMPTS = env.int("OUTBOX_MAX_ATTEMPTS", default=10)
# Sent messages are kept this long for the staff page, then purged daily.
OUTBOX_KEEP_DAYS = env.int("OUTBOX_KEEP_DAYS", default=90)
# /healthz reports "degraded" when the oldest waiting message is older than this.
OUTBOX_BACKLOG_MAX_AGE = env.int("OUTBOX_BACKLOG_MAX_AGE", default=15 * 60)
# Sign-in links and codes are shown on the staff outbox page only in the embedded run (no real mail there).
OUTBOX_SHOW_SENSITIVE = env.bool("OUTBOX_SHOW_SENSITIVE", default=not REDIS_URL)

# --- Accounts ---------------------------------------------------------------------------------
AUTH_USER_MODEL = "portal.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "portal:dashboard"
ACCOUNT_ADAPTER = "portal.adapters.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_SESSION_REMEMBER = None
_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
}
ACCOUNT_RATE_LIMITS = _RATE_LIMITS if env.bool("ACCOUNT_RATE_LIMITS_ENABLED", default=True) else False
MFA_ADAPTER = "portal.adapters.MFAAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Demeu — "
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Demeu"
MFA_RECOVERY_CODE_COUNT = 10

# --- E-mail -----------------------------------------------------------------------------------
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Demeu <noreply@demeu.kz>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Languages, time, formats -----------------------------------------------------------------
LANGUAGE_CODE = "kk"
LANGUAGES = [("kk", "Қазақша"), ("ru", "Русский"), ("en", "English")]
LANGUAGE_COOKIE_NAME = "demeu_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "config" / "allauth_locale"]
FORMAT_MODULE_PATH = ["config.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Almaty"
USE_THOUSAND_SEPARATOR = True
# Official content must exist in these; English is optional.
OFFICIAL_LANGUAGES = ("kk", "ru")
CONTENT_FALLBACK = ("kk", "ru", "en")

# --- Static and uploads -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "media")))
# Uploads are private: each is served by a view that checks who asks (documents, CVs, minutes…). Only
# these folders are public, served at MEDIA_URL by portal.views.public_media from whatever storage holds them.
PUBLIC_MEDIA_PREFIXES = ("ngos/logos/",)
# Several web nodes share uploads through an S3-compatible bucket (django-storages, the `s3` extra):
# set MEDIA_S3_BUCKET and the bucket stays private; public files still go through public_media.
MEDIA_S3_BUCKET = env.str("MEDIA_S3_BUCKET", default="")
if MEDIA_S3_BUCKET:
    _MEDIA_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_S3_BUCKET,
            "endpoint_url": env.str("MEDIA_S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("MEDIA_S3_REGION", default="") or None,
            "access_key": env.str("MEDIA_S3_ACCESS_KEY_ID", default="") or None,
            "secret_key": env.str("MEDIA_S3_SECRET_ACCESS_KEY", default="") or None,
            "location": env.str("MEDIA_S3_PREFIX", default=""),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
else:
    _MEDIA_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": _MEDIA_STORAGE,
    "staticfiles": {
        "BACKEND": env.str(
            "STATICFILES_STORAGE", default="django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024
UPLOAD_MAX_BYTES = env.int("UPLOAD_MAX_BYTES", default=20 * 1024 * 1024)

# --- Security ---------------------------------------------------------------------------------
SECURE = env.bool("DJANGO_SECURE", default=False)
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
LANGUAGE_COOKIE_SECURE = SECURE
SECURE_SSL_REDIRECT = SECURE
# The load balancer's and the orchestrator's probes speak plain HTTP to the container.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = 31536000 if SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
SECURE_HSTS_PRELOAD = SECURE
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SECURE else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
# --- Qualified electronic signatures (portal/esign) ----------------------------------------------
# Off: the one-button confirmation, recorded as such. On: NCALayer signs, the server verifies the CMS.
ESIGN_REQUIRED = env.bool("ESIGN_REQUIRED", default=False)
# PEM files (or directories of them) of the NCA root and intermediate certificates the operator trusts.
ESIGN_TRUST_STORE = env.list("ESIGN_TRUST_STORE", default=[])
# An OCSP responder asked about every signer's certificate; empty: revocation is not checked.
ESIGN_OCSP_URL = env.str("ESIGN_OCSP_URL", default="")
ESIGN_CHALLENGE_SECONDS = env.int("ESIGN_CHALLENGE_SECONDS", default=600)
ESIGN_NCALAYER_URL = env.str("ESIGN_NCALAYER_URL", default="wss://127.0.0.1:13579")

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        # NCALayer, the NCA's desktop signer, listens on the user's own machine (portal/esign).
        "connect-src": ["'self'", ESIGN_NCALAYER_URL],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

ADMINS = [("Operator", a) for a in env.list("DJANGO_ADMINS", default=[])]
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}

# --- Domain settings --------------------------------------------------------------------------
# 360Giving identifier prefix registered for the operator (360G-<prefix>-<id>).
OPEN_DATA_PREFIX = env.str("OPEN_DATA_PREFIX", default="demeu")
OPERATOR_NAME = _("Civil Initiatives Support Centre")
OPERATOR_BIN = env.str("OPERATOR_BIN", default="990940003030")
# The 360Giving prefix of the open data's grant ids (360G-<prefix>-<grant number>): registered with 360Giving.
OPEN_DATA_PREFIX = env.str("OPEN_DATA_PREFIX", default="demeu")
OPERATOR_EMAIL = env.str("OPERATOR_EMAIL", default="info@demeu.kz")
OPERATOR_PHONE = env.str("OPERATOR_PHONE", default="+7 7172 00 00 00")
# How long an applicant has to appeal a commission decision, in working days (told in result letters).
EVALUATION_APPEAL_WORKING_DAYS = env.int("EVALUATION_APPEAL_WORKING_DAYS", default=10)
# The appeal period against a screening or a commission decision, in working days from its publication (appeals).
APPEAL_WORKING_DAYS = env.int("APPEAL_WORKING_DAYS", default=EVALUATION_APPEAL_WORKING_DAYS)
# A winner signs the grant agreement within this many working days of the decision, or the reserve moves up.
AGREEMENT_SIGNING_WORKING_DAYS = env.int("AGREEMENT_SIGNING_WORKING_DAYS", default=10)
# A grantee may overspend a budget category by this share of its planned amount before an amendment is needed.
REPORT_ALLOWED_DEVIATION_PERCENT = env.int("REPORT_ALLOWED_DEVIATION_PERCENT", default=10)
NGO_LOGO_MAX_BYTES = env.int("NGO_LOGO_MAX_BYTES", default=2 * 1024 * 1024)
