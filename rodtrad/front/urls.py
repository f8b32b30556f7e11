"""The front's pages keep the addresses and names they had in the app whose data they show: each
list below joins that app's namespace in rodtrad/urls.py."""

from django.urls import path

from . import views_clients, views_consents, views_dashboard, views_orders, views_plan_items

clients = [
    path("", views_clients.my_clients, name="my_clients"),
    path("brukare/<int:client_id>/", views_clients.client_detail, name="detail"),
    path("brukare/<int:client_id>/bestallningar/<int:order_id>/avsluta/", views_orders.end_order, name="order_end"),
    path("brukare/<int:client_id>/samtycken/", views_consents.consent_list, name="consents"),
]

plans = [
    path(
        "brukare/<int:client_id>/plan/<int:period_id>/insatser/<int:item_id>/",
        views_plan_items.edit_item,
        name="item_edit",
    ),
]

oversight = [
    path("oversikt/", views_dashboard.dashboard_view, name="dashboard"),
]
