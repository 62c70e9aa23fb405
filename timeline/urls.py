"""Public URLs (filled in by the public timeline)."""

from django.http import HttpResponse
from django.urls import path

app_name = "timeline"


def placeholder(request):
    return HttpResponse("Parkline")


urlpatterns = [path("", placeholder, name="index")]
