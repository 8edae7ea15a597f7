from django.db import migrations

# The shared taxonomy of spheres of activity (NGOs, priority directions, experts, prize nominations).
# Staff may add more in the admin; these are the ones every installation starts with.
SPHERES = [
    ("education", "Білім беру", "Образование", "Education"),
    ("health", "Денсаулық сақтау", "Здравоохранение", "Health"),
    ("social-support", "Әлеуметтік қолдау", "Социальная поддержка", "Social support"),
    ("children-family", "Балалар және отбасы", "Дети и семья", "Children and family"),
    ("youth", "Жастар саясаты", "Молодёжная политика", "Youth"),
    ("disability", "Мүгедектігі бар адамдар", "Люди с инвалидностью", "People with disabilities"),
    ("older-people", "Егде жастағы адамдар", "Пожилые люди", "Older people"),
    ("environment", "Экология және қоршаған ортаны қорғау", "Экология и охрана окружающей среды", "Environment"),
    ("culture", "Мәдениет және өнер", "Культура и искусство", "Culture and the arts"),
    ("sport", "Спорт және салауатты өмір салты", "Спорт и здоровый образ жизни", "Sport and healthy living"),
    ("rights", "Құқықтарды қорғау және заң көмегі", "Защита прав и юридическая помощь", "Rights and legal aid"),
    ("civic", "Азаматтық белсенділік және жергілікті өзін-өзі басқару",
     "Гражданская активность и местное самоуправление", "Civic participation and local self-government"),
    ("harmony", "Этносаралық және конфессияаралық келісім", "Межэтническое и межконфессиональное согласие",
     "Interethnic and interfaith harmony"),
    ("gender", "Гендерлік теңдік", "Гендерное равенство", "Gender equality"),
    ("rural", "Ауылдық аумақтарды дамыту", "Развитие сельских территорий", "Rural development"),
    ("volunteering", "Волонтерлік", "Волонтёрство", "Volunteering"),
    ("science", "Ғылым және инновациялар", "Наука и инновации", "Science and innovation"),
    ("animals", "Жануарларды қорғау", "Защита животных", "Animal welfare"),
    ("media", "Медиасауаттылық және ақпарат", "Медиаграмотность и информация", "Media literacy and information"),
]


def load(apps, schema_editor):
    Sphere = apps.get_model("ngos", "Sphere")
    for position, (slug, kk, ru, en) in enumerate(SPHERES):
        Sphere.objects.update_or_create(
            slug=slug, defaults={"name_kk": kk, "name_ru": ru, "name_en": en, "position": position}
        )


class Migration(migrations.Migration):
    dependencies = [("ngos", "0002_people_reports_and_flags")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
