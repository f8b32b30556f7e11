from rodtrad.accounts.assurance import Level, configured_levels, level_of


def test_the_swedish_framework_uris_give_their_levels(settings):
    assert level_of("http://id.elegnamnden.se/loa/1.0/loa3") == Level.STRONG
    assert level_of("http://id.elegnamnden.se/loa/1.0/loa2") == Level.TWO_FACTOR
    assert level_of("http://id.elegnamnden.se/loa/1.0/loa4") == Level.HIGHEST


def test_an_assurance_nobody_configured_counts_as_a_password(settings):
    settings.RODTRAD_ASSURANCE_LEVELS = ""
    assert level_of("") == Level.PASSWORD
    assert level_of("1") == Level.PASSWORD


def test_the_operator_maps_other_values(settings):
    settings.RODTRAD_ASSURANCE_LEVELS = "urn:entra:mfa=2, https://freja.example/loa3=3"
    assert level_of("urn:entra:mfa") == Level.TWO_FACTOR
    assert level_of("https://freja.example/loa3") == Level.STRONG


def test_configured_levels_ignore_what_they_cannot_read():
    assert configured_levels("a=2,broken,=3,b=x,c=9") == {"a": 2, "c": 4}
