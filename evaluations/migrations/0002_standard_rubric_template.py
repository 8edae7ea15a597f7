"""The standard rubric template staff start a call's rubric from (they may copy and change it)."""

from decimal import Decimal

from django.db import migrations

NAME = (
    "Әлеуметтік жобаларды бағалаудың үлгілік өлшемшарттары",
    "Типовые критерии оценки социальных проектов",
    "Standard criteria for social projects",
)

# (kk, ru, en) title, (kk, ru, en) guidance, maximum, weight, threshold
CRITERIA = [
    (
        ("Жобаның лоттың техникалық тапсырмасына сәйкестігі", "Соответствие проекта техническому заданию лота",
         "Fit with the lot's terms of reference"),
        ("Жобаның мақсаттары, нысаналы топтары және күтілетін нәтижелері лоттың проблемасы мен көрсеткіштеріне "
         "қаншалықты жауап береді.",
         "Насколько цели, целевые группы и ожидаемые результаты проекта отвечают проблеме и показателям лота.",
         "How far the project's goals, target groups and expected results answer the lot's problem and indicators."),
        10, Decimal("20"), 5,
    ),
    (
        ("Іс-шаралар жоспарының сапасы", "Качество плана мероприятий", "Quality of the activity plan"),
        ("Іс-шаралар қисынды, мерзімдері шынайы, әр іс-шараның өлшенетін нәтижесі бар.",
         "Мероприятия логичны, сроки реалистичны, у каждого мероприятия есть измеримый результат.",
         "Activities are logical, dates realistic, each activity has a measurable output."),
        10, Decimal("20"), None,
    ),
    (
        ("Нәтижелер мен индикаторлар", "Результаты и индикаторы", "Results and indicators"),
        ("Индикаторлар лоттың нысаналы мәндеріне жетеді, бастапқы мәндері мен тексеру тәсілдері көрсетілген.",
         "Индикаторы достигают целевых значений лота, указаны исходные значения и способы проверки.",
         "Indicators reach the lot's targets, with baselines and means of verification."),
        10, Decimal("20"), None,
    ),
    (
        ("Бюджеттің негізділігі", "Обоснованность бюджета", "Budget justification"),
        ("Шығыстар іс-шараларға қажет, бағалар негізделген, институционалдық дамуға және әкімшілік шығыстарға "
         "қойылған шектеулер сақталған.",
         "Расходы необходимы для мероприятий, цены обоснованы, соблюдены ограничения на институциональное "
         "развитие и административные расходы.",
         "Costs are needed for the activities, prices are justified, the limits on institutional development and "
         "administrative costs are kept."),
        10, Decimal("15"), None,
    ),
    (
        ("Команда және ұйымның тәжірибесі", "Команда и опыт организации", "Team and the organisation's experience"),
        ("Команданың біліктілігі мен ҮЕҰ-ның осы саладағы тәжірибесі жобаны іске асыруға жеткілікті.",
         "Квалификация команды и опыт НПО в данной сфере достаточны для реализации проекта.",
         "The team's qualifications and the NGO's experience in the field are enough to carry out the project."),
        10, Decimal("15"), None,
    ),
    (
        ("Нәтижелердің тұрақтылығы", "Устойчивость результатов", "Sustainability of the results"),
        ("Грант аяқталғаннан кейін жұмысты жалғастырудың шынайы жоспары, серіктестері мен қолдау көздері бар.",
         "Есть реалистичный план продолжения работы после окончания гранта, партнёры и источники поддержки.",
         "There is a realistic plan, partners and sources of support to continue the work after the grant."),
        10, Decimal("10"), None,
    ),
]


def create(apps, schema_editor):
    Rubric = apps.get_model("evaluations", "Rubric")
    Criterion = apps.get_model("evaluations", "Criterion")
    if Rubric.objects.filter(call__isnull=True, name_ru=NAME[1]).exists():
        return
    rubric = Rubric.objects.create(
        name_kk=NAME[0], name_ru=NAME[1], name_en=NAME[2], overall_threshold=Decimal("50"), dispersion_percent=30
    )
    for position, (title, guidance, maximum, weight, threshold) in enumerate(CRITERIA, start=1):
        Criterion.objects.create(
            rubric=rubric, position=position, title_kk=title[0], title_ru=title[1], title_en=title[2],
            guidance_kk=guidance[0], guidance_ru=guidance[1], guidance_en=guidance[2],
            max_score=maximum, weight=weight, min_score=threshold,
        )


def remove(apps, schema_editor):
    apps.get_model("evaluations", "Rubric").objects.filter(call__isnull=True, name_ru=NAME[1]).delete()


class Migration(migrations.Migration):
    dependencies = [("evaluations", "0001_register_rubrics_panels")]
    operations = [migrations.RunPython(create, remove)]
