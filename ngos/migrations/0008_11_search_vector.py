"""The name search and the name-sorted public list, flat at 100,000 NGOs (issue 11), on PostgreSQL only.

- `search_vector`: every name of the NGO as words (the 'simple' configuration: lower case, no stemming, so
  Kazakh, Russian and English names are treated alike), stored and kept by the server. Hyphens, dots,
  slashes, @ and underscores split words on both sides (the names here and the search in selectors.py), so
  «Жастар-12» is found by "жастар" and by "12".
- a GIN index on it for the verified NGOs: a word of the search is an index look-up, not a recheck of every
  name that contains its letters (the trigram index of migration 0005 rechecked 40,000 rows for "фонд").
- the Kazakh-collated name indexes of migration 0005 carry the vector, the region and the legal form too
  (INCLUDE): a common word ("фонд", in 40 % of the names) or a region and a legal form are served by walking
  the names in order and checking each entry in the index, without reading the table; the same for the
  registration-date sorts, and the spheres are indexed by sphere.

The trigram index goes: nothing searches with LIKE on PostgreSQL any more. The model does not know the
column (Django never reads it); the SQLite demo keeps its plain search. Without ICU the name indexes are
not made, as in migration 0005.

"""

from django.db import migrations, transaction

NAMES = "name_kk || ' ' || name_ru || ' ' || name_en || ' ' || short_name_kk || ' ' || short_name_ru || ' ' || short_name_en"
SPLIT = "'-./@_'", "'     '"
VECTOR = f"to_tsvector('simple'::regconfig, translate({NAMES}, {SPLIT[0]}, {SPLIT[1]}))"
COLLATED = [
    (f"ngos_ngo_public_{column}_icu", f'(({column} COLLATE "kk-KZ-x-icu"), id)')
    for column in ("name_kk", "name_ru")
]

SEARCH = [
    f"ALTER TABLE ngos_ngo ADD COLUMN IF NOT EXISTS search_vector tsvector GENERATED ALWAYS AS ({VECTOR}) STORED",
    "CREATE INDEX IF NOT EXISTS ngos_ngo_search_vector ON ngos_ngo USING gin (search_vector) "
    "WHERE verification = 'verified'",
    "DROP INDEX IF EXISTS ngos_ngo_search_text_trgm",
]
COVERING = [
    *[f"DROP INDEX IF EXISTS {name}" for name, _columns in COLLATED],
    *[f"CREATE INDEX {name} ON ngos_ngo {columns} INCLUDE (region_id, legal_form, search_vector) "
      "WHERE verification = 'verified'" for name, columns in COLLATED],
]
# The newest/oldest registration sort, with the filters' columns; the spheres by sphere (the table's own
# indexes lead with the NGO), so "this sphere" is counted and probed without reading the NGOs.
OTHERS = [
    "CREATE INDEX IF NOT EXISTS ngos_ngo_public_registered ON ngos_ngo (registered_on, id) "
    "INCLUDE (region_id, legal_form) WHERE verification = 'verified'",
    "CREATE INDEX IF NOT EXISTS ngos_ngo_spheres_sphere_ngo ON ngos_ngo_spheres (sphere_id, ngo_id)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS ngos_ngo_public_registered",
    "DROP INDEX IF EXISTS ngos_ngo_spheres_sphere_ngo",
    *[f"DROP INDEX IF EXISTS {name}" for name, _columns in COLLATED],
    *[f"CREATE INDEX IF NOT EXISTS {name} ON ngos_ngo {columns} WHERE verification = 'verified'"
      for name, columns in COLLATED],
    "DROP INDEX IF EXISTS ngos_ngo_search_vector",
    "ALTER TABLE ngos_ngo DROP COLUMN IF EXISTS search_vector",
]
TRIGRAM = "CREATE INDEX IF NOT EXISTS ngos_ngo_search_text_trgm ON ngos_ngo USING gin (search_text gin_trgm_ops)"


def _run(schema_editor, statements) -> bool:
    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            for statement in statements:
                schema_editor.execute(statement)
        return True
    except Exception:  # a server without ICU collations: the indexes of 0005 were not made either
        return False


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in SEARCH:  # text search is part of every PostgreSQL: no fallback needed
            schema_editor.execute(statement)
        _run(schema_editor, COVERING)
        for statement in OTHERS:
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        _run(schema_editor, BACKWARD)
        _run(schema_editor, [TRIGRAM])


class Migration(migrations.Migration):
    dependencies = [("ngos", "0007_home_figure_indexes")]
    operations = [migrations.RunPython(forward, backward)]
