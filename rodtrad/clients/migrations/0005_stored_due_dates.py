"""The dates orders and consents fall due, stored on them (rodtrad/clients/due/): added empty,
filled for the rows there are by each rule's own function, then required where a row always has
one."""

from django.db import migrations, models
from django.db.models import Max, Q

from rodtrad.clients.due import consent_review, file_to_authority, first_plan

BATCH = 2000


def fill(apps, schema_editor):
    Order = apps.get_model("clients", "Order")
    Consent = apps.get_model("clients", "Consent")
    orders = []
    for order in Order.objects.select_related("unit", "service").iterator(chunk_size=BATCH):
        order.first_plan_due_on = first_plan.due_on(order)
        order.file_due_on = file_to_authority.due_on(order)
        orders.append(order)
    Order.objects.bulk_update(orders, ["first_plan_due_on", "file_due_on"], batch_size=BATCH)
    consents = []
    for consent in Consent.objects.annotate(newest_review_on=Max("reviews__reviewed_on")).iterator(chunk_size=BATCH):
        consent_review.set_seen(consent, max(consent.given_on, consent.newest_review_on or consent.given_on))
        consents.append(consent)
    Consent.objects.bulk_update(consents, ["last_seen_on", "review_due_on"], batch_size=BATCH)


class Migration(migrations.Migration):
    dependencies = [
        ("clients", "0004_client_register_orders_consents"),
    ]

    operations = [
        migrations.AddField(
            model_name="order",
            name="first_plan_due_on",
            field=models.DateField(blank=True, editable=False, null=True, verbose_name="first plan due"),
        ),
        migrations.AddField(
            model_name="order",
            name="file_due_on",
            field=models.DateField(blank=True, editable=False, null=True, verbose_name="file due to the authority"),
        ),
        migrations.AddField(
            model_name="consent",
            name="last_seen_on",
            field=models.DateField(editable=False, null=True, verbose_name="last gone through on"),
        ),
        migrations.AddField(
            model_name="consent",
            name="review_due_on",
            field=models.DateField(editable=False, null=True, verbose_name="review due"),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=False),
        migrations.AlterField(
            model_name="consent",
            name="last_seen_on",
            field=models.DateField(editable=False, verbose_name="last gone through on"),
        ),
        migrations.AlterField(
            model_name="consent",
            name="review_due_on",
            field=models.DateField(editable=False, verbose_name="review due"),
        ),
        migrations.AddIndex(
            model_name="consent",
            index=models.Index(
                condition=Q(withdrawn_on__isnull=True), fields=["review_due_on"], name="consent_review_due"
            ),
        ),
        migrations.AddIndex(
            model_name="order",
            index=models.Index(fields=["first_plan_due_on"], name="order_first_plan_due"),
        ),
        migrations.AddIndex(
            model_name="order",
            index=models.Index(condition=Q(file_sent_on__isnull=True), fields=["file_due_on"], name="order_file_due"),
        ),
        migrations.AddConstraint(
            model_name="order",
            constraint=models.CheckConstraint(
                condition=Q(ended_on__isnull=True, file_due_on__isnull=True)
                | Q(ended_on__isnull=False, file_due_on__isnull=False),
                name="order_file_due_once_ended",
            ),
        ),
    ]
