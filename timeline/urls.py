"""Public URLs: the timeline, entity pages, feeds, the JSON API and the exports."""

from django.urls import path

from timeline import api, exports, feeds, views

app_name = "timeline"

urlpatterns = [
    path("", views.timeline, name="index"),
    path("events/<int:pk>/", views.event_detail, name="event"),
    path("parks/<str:slug>/", views.ParkView.as_view(), name="park"),
    path("organisations/<str:slug>/", views.OrganisationView.as_view(), name="organisation"),
    path("policies/<str:slug>/", views.PolicyView.as_view(), name="policy"),
    path("people/<str:slug>/", views.PersonView.as_view(), name="person"),
    path("sources/<int:pk>/", views.source_detail, name="source"),
    path("embed/", views.embed, name="embed"),
    path("feeds/events.atom", feeds.EventsFeed(), name="feed_atom"),
    path("events.ics", feeds.events_ics, name="feed_ics"),
    path("api/events", api.events, name="api_events"),
    path("api/parks", api.parks, name="api_parks"),
    path("api/organisations", api.organisations, name="api_organisations"),
    path("api/policies", api.policies, name="api_policies"),
    path("api/people", api.people, name="api_people"),
    path("export/events.csv", exports.events_csv, name="export_csv"),
    path("export/timelinejs.json", exports.timelinejs, name="export_timelinejs"),
]
