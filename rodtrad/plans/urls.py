from django.urls import path

from . import views, views_items, views_life_story

app_name = "plans"

period = "brukare/<int:client_id>/plan/<int:period_id>/"
# The front adds changing a plan item to this namespace (rodtrad/urls.py): it writes to the journal.

urlpatterns = [
    path("brukare/<int:client_id>/plan/", views.plan_index, name="index"),
    path(period, views.period_detail, name="period"),
    path(period + "framtagande/", views.participation, name="participation"),
    path(period + "underskrift/", views.signature, name="signature"),
    path(period + "faststall/", views.establish, name="establish"),
    path(period + "risker/", views_items.risks, name="risks"),
    path(period + "insatser/ny/", views_items.new_item, name="item_new"),
    path(period + "insatser/<int:item_id>/mal/ny/", views_items.new_goal, name="goal_new"),
    path("plan/malformulering/", views_items.goal_preview, name="goal_preview"),
    path("brukare/<int:client_id>/levnadsberattelse/", views_life_story.life_story, name="life_story"),
]
