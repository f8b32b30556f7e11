from django.db import migrations

# The document overview of the routine (000), each heading mapped to ICF/IBIC life areas.
DEFAULT_SECTIONS = [
    ("Personuppgifter", "", "Kundens personuppgifter.", False),
    (
        "Planens framtagande",
        "",
        "Datum för planering, hur kunden varit delaktig, vilka som deltagit och när planen ska följas upp.",
        False,
    ),
    (
        "Mål och insatser",
        "Alla livsområden",
        "Beställningens övergripande mål, kundens egna delmål och aktiviteter kopplade till dem.",
        True,
    ),
    (
        "Vanor och rutiner",
        "Allmänna uppgifter och krav (d2)",
        "Vardagliga rutiner och önskemål som personalen behöver känna till.",
        True,
    ),
    (
        "Sociala aktiviteter",
        "Samhällsgemenskap, socialt och medborgerligt liv (d9); mellanmänskliga interaktioner och relationer (d7)",
        "Aktiviteter utanför hemmet, intressen, viktiga personer.",
        True,
    ),
    (
        "Kontakter",
        "Mellanmänskliga interaktioner och relationer (d7)",
        "Kontaktuppgifter till anhöriga och företrädare.",
        True,
    ),
    (
        "Hälsa",
        "Personlig vård: att sköta sin egen hälsa (d570); kroppsfunktioner (b)",
        "Individuella hälsoaspekter: syn, hörsel, kost, allergier, minne.",
        True,
    ),
    (
        "Måltidssituation",
        "Att äta (d550) och dricka (d560); att bereda måltider (d630)",
        "Vanor, rutiner, behov och förmåga i måltidens olika moment.",
        True,
    ),
    (
        "Personnära",
        "Personlig vård (d5): att tvätta sig, kroppsvård, toalett, klä sig",
        "Personlig hygien, påklädning och annan personnära omsorg.",
        True,
    ),
    (
        "Sköta hemmet",
        "Hemliv (d6): hushållsuppgifter, anskaffa varor och tjänster",
        "Städning, tvätt, inköp och annat i hemmet.",
        True,
    ),
    (
        "Övrigt",
        "Förflyttning (d4); kommunikation (d3); lärande och att tillämpa kunskap (d1)",
        "Annat som är viktigt för stödet.",
        True,
    ),
    ("Förhållningssätt", "", "Hur personalen ska vara och bemöta kunden.", True),
    ("Underskrift", "", "Kundens bekräftelse på att planen har diskuterats.", False),
]


def seed(apps, schema_editor):
    PlanTemplate = apps.get_model("plans", "PlanTemplate")
    SectionTemplate = apps.get_model("plans", "SectionTemplate")
    template, created = PlanTemplate.objects.get_or_create(unit=None, defaults={"name": "Standardmall"})
    if created:
        for position, (title, areas, guidance, holds_items) in enumerate(DEFAULT_SECTIONS):
            SectionTemplate.objects.create(
                template=template,
                title=title,
                life_areas=areas,
                guidance=guidance,
                position=position,
                holds_items=holds_items,
            )


class Migration(migrations.Migration):
    dependencies = [("plans", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
