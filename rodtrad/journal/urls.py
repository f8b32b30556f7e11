from django.urls import path

from . import views_objections, views_read, views_summary, views_write

app_name = "journal"

journal = "brukare/<int:client_id>/journal/"
entry = journal + "<int:entry_id>/"

urlpatterns = [
    path(journal, views_read.journal, name="list"),
    path(journal + "filter/", views_read.filters, name="filters"),
    path(journal + "ny/", views_write.new_entry, name="new"),
    path(journal + "manadsanteckning/", views_write.monthly_note, name="monthly_note"),
    path(journal + "utkast/spara/", views_write.autosave, name="autosave"),
    path(journal + "skrivhjalp/", views_write.findings, name="findings"),
    path(journal + "sammanfattning/", views_summary.summary, name="summary"),
    path(journal + "sammanfattning/utskrift/", views_summary.summary_print, name="summary_print"),
    path(journal + "sammanfattning.pdf", views_summary.summary_pdf, name="summary_pdf"),
    path(entry, views_read.entry_detail, name="detail"),
    path(entry + "andra/", views_write.edit_entry, name="edit"),
    path(entry + "signera/", views_write.sign, name="sign"),
    path(entry + "ta-bort/", views_write.discard, name="discard"),
    path(entry + "rattelse/", views_write.correct, name="correct"),
    path(entry + "invandning/", views_objections.objection, name="objection"),
]
