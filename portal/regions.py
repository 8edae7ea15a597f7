"""The 20 regions since 8 June 2022 (DOMAIN.md). Debian's iso-codes is older, so the table lives here."""

REGIONS = [
    ("abai", "KZ-10", "Абай облысы", "область Абай", "Abai Region"),
    ("akmola", "KZ-11", "Ақмола облысы", "Акмолинская область", "Akmola Region"),
    ("aktobe", "KZ-15", "Ақтөбе облысы", "Актюбинская область", "Aktobe Region"),
    ("almaty-region", "KZ-19", "Алматы облысы", "Алматинская область", "Almaty Region"),
    ("atyrau", "KZ-23", "Атырау облысы", "Атырауская область", "Atyrau Region"),
    ("west-kazakhstan", "KZ-27", "Батыс Қазақстан облысы", "Западно-Казахстанская область", "West Kazakhstan Region"),
    ("zhambyl", "KZ-31", "Жамбыл облысы", "Жамбылская область", "Zhambyl Region"),
    ("zhetisu", "KZ-33", "Жетісу облысы", "область Жетісу", "Zhetisu Region"),
    ("karaganda", "KZ-35", "Қарағанды облысы", "Карагандинская область", "Karaganda Region"),
    ("kostanay", "KZ-39", "Қостанай облысы", "Костанайская область", "Kostanay Region"),
    ("kyzylorda", "KZ-43", "Қызылорда облысы", "Кызылординская область", "Kyzylorda Region"),
    ("mangystau", "KZ-47", "Маңғыстау облысы", "Мангистауская область", "Mangystau Region"),
    ("pavlodar", "KZ-55", "Павлодар облысы", "Павлодарская область", "Pavlodar Region"),
    ("north-kazakhstan", "KZ-59", "Солтүстік Қазақстан облысы", "Северо-Казахстанская область",
     "North Kazakhstan Region"),
    ("turkistan", "KZ-61", "Түркістан облысы", "Туркестанская область", "Turkistan Region"),
    ("ulytau", "KZ-62", "Ұлытау облысы", "область Ұлытау", "Ulytau Region"),
    ("east-kazakhstan", "KZ-63", "Шығыс Қазақстан облысы", "Восточно-Казахстанская область", "East Kazakhstan Region"),
    ("astana", "KZ-71", "Астана қаласы", "город Астана", "Astana"),
    ("almaty", "KZ-75", "Алматы қаласы", "город Алматы", "Almaty"),
    ("shymkent", "KZ-79", "Шымкент қаласы", "город Шымкент", "Shymkent"),
]


def ensure_regions(Region) -> None:
    """Create or update the regions (idempotent); takes the model so a migration can pass its own."""
    for position, (slug, iso, kk, ru, en) in enumerate(REGIONS):
        Region.objects.update_or_create(
            slug=slug, defaults={"iso_code": iso, "name_kk": kk, "name_ru": ru, "name_en": en, "position": position}
        )
