from django.urls import path

from . import views, views_log_review, views_spot_checks

app_name = "oversight"

# The front adds the dashboard to this namespace (rodtrad/urls.py).

urlpatterns = [
    path("oversikt/lista/<slug:key>/", views.rule_list, name="rule_list"),
    path("oversikt/trender/", views.trends_view, name="trends"),
    path("oversikt/logguppfoljning/", views_log_review.log_reviews, name="log_reviews"),
    path("oversikt/stickprov/", views_spot_checks.draw, name="spot_check_draw"),
    path("oversikt/stickprov/<int:spot_check_id>/", views_spot_checks.spot_check, name="spot_check"),
    path(
        "oversikt/stickprov/<int:spot_check_id>/brukare/<int:client_id>/",
        views_spot_checks.spot_check_item,
        name="spot_check_item",
    ),
]
