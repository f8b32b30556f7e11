from django.urls import path

from . import views, views_new_period, views_review

app_name = "followup"

followup = "brukare/<int:client_id>/uppfoljning/"
period = followup + "period/<int:period_id>/"

urlpatterns = [
    path(followup, views.index, name="index"),
    path(followup + "mal/<int:goal_id>/", views.goal_follow_up, name="goal"),
    path(followup + "insats/<int:item_id>/", views.item_follow_up, name="item"),
    path(period, views_review.review, name="review"),
    path(period + "lagg-till/", views_review.start, name="review_start"),
    path(period + "ny-period/", views_new_period.new_period, name="new_period"),
]
