from django.urls import path

from . import views_consents, views_contacts, views_orders, views_protected, views_register

app_name = "clients"

# The front adds the pages it builds on the clients' data to this namespace (rodtrad/urls.py):
# Mina brukare, the overview, ending an order and the list of consents.

urlpatterns = [
    path("brukare/ny/", views_register.register_client, name="register"),
    path("brukare/<int:client_id>/andra/", views_register.edit_client, name="edit"),
    path("brukare/<int:client_id>/bestallningar/ny/", views_orders.new_order, name="order_new"),
    path(
        "brukare/<int:client_id>/bestallningar/<int:order_id>/akt-skickad/",
        views_orders.mark_file_sent,
        name="order_file_sent",
    ),
    path("brukare/<int:client_id>/kontakter/", views_contacts.contact_list, name="contacts"),
    path("brukare/<int:client_id>/kontakter/ny/", views_contacts.contact_new, name="contact_new"),
    path("brukare/<int:client_id>/kontakter/<int:contact_id>/", views_contacts.contact_edit, name="contact_edit"),
    path(
        "brukare/<int:client_id>/kontakter/<int:contact_id>/ta-bort/",
        views_contacts.contact_remove,
        name="contact_remove",
    ),
    path("brukare/<int:client_id>/samtycken/nytt/", views_consents.consent_new, name="consent_new"),
    path(
        "brukare/<int:client_id>/samtycken/<int:consent_id>/uppfoljning/",
        views_consents.consent_review,
        name="consent_review",
    ),
    path(
        "brukare/<int:client_id>/samtycken/<int:consent_id>/aterkallelse/",
        views_consents.consent_withdraw,
        name="consent_withdraw",
    ),
    path(
        "brukare/<int:client_id>/skyddade-uppgifter/",
        views_protected.protected_details,
        name="protected_details",
    ),
    path(
        "brukare/<int:client_id>/skyddade-uppgifter/<int:grant_id>/aterkalla/",
        views_protected.protected_details_revoke,
        name="protected_details_revoke",
    ),
]
