from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "rodtrad.core"
