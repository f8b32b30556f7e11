from django.apps import AppConfig


class SyntheticConfig(AppConfig):
    name = "rodtrad.synthetic"
    verbose_name = "Synthetic municipality"
