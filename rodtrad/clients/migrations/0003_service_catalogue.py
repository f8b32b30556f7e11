from django.db import migrations

# The starting catalogue; an administrator can edit it afterwards.
CATALOGUE = [
    ("LSS", "Råd och stöd", "9 § 1 LSS"),
    ("LSS", "Personlig assistans", "9 § 2 LSS"),
    ("LSS", "Ledsagarservice", "9 § 3 LSS"),
    ("LSS", "Biträde av kontaktperson", "9 § 4 LSS"),
    ("LSS", "Avlösarservice i hemmet", "9 § 5 LSS"),
    ("LSS", "Korttidsvistelse utanför det egna hemmet", "9 § 6 LSS"),
    ("LSS", "Korttidstillsyn för skolungdom över 12 år", "9 § 7 LSS"),
    ("LSS", "Boende i familjehem eller bostad med särskild service för barn eller ungdomar", "9 § 8 LSS"),
    ("LSS", "Bostad med särskild service för vuxna", "9 § 9 LSS"),
    ("LSS", "Daglig verksamhet", "9 § 10 LSS"),
    ("SoL", "Hemtjänst", "4 kap. 1 § SoL"),
    ("SoL", "Boendestöd", "4 kap. 1 § SoL"),
    ("SoL", "Särskilt boende", "4 kap. 1 § SoL"),
    ("SoL", "Korttidsboende", "4 kap. 1 § SoL"),
    ("SoL", "Dagverksamhet", "4 kap. 1 § SoL"),
    ("SoL", "Trygghetslarm", "4 kap. 1 § SoL"),
]


def seed(apps, schema_editor):
    Service = apps.get_model("clients", "Service")
    for law, name, reference in CATALOGUE:
        Service.objects.get_or_create(law=law, name=name, defaults={"legal_reference": reference})


class Migration(migrations.Migration):
    dependencies = [("clients", "0002_swedish_collation")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
