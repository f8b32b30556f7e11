from rodtrad.audit.models import AccessEvent

from ..factories import ContactPersonFactory, client_at


def names(response):
    return [str(client) for client in response.context["page"].object_list]


def test_my_clients_lists_only_clients_of_the_users_units(world, as_user):
    response = as_user(world.staff).get("/")
    assert names(response) == ["Elsa Lindqvist"]
    assert "Omar" not in response.content.decode()


def test_my_clients_sorts_in_swedish_order(world, as_user):
    for last_name in ["Öhman", "Zetterlund", "Åberg", "Ängström", "Andersson"]:
        client_at(world.unit, last_name=last_name)
    response = as_user(world.staff).get("/")
    last_names = [client.last_name for client in response.context["page"].object_list]
    assert last_names == ["Andersson", "Lindqvist", "Zetterlund", "Åberg", "Ängström", "Öhman"]


def test_my_clients_is_paged_by_fifty_with_the_count_of_all(world, as_user):
    for number in range(55):
        client_at(world.unit, last_name=f"Berg{number:02}")
    browser = as_user(world.staff)
    first = browser.get("/")
    assert len(names(first)) == 50
    assert first.context["page"].object_list[0].last_name == "Berg00"
    assert "56 brukare" in first.content.decode()
    second = browser.get("/?sida=2")
    assert [client.last_name for client in second.context["page"].object_list] == [
        "Berg50",
        "Berg51",
        "Berg52",
        "Berg53",
        "Berg54",
        "Lindqvist",
    ]
    # Another user, another list: what the statement answered before was the first user's.
    assert names(as_user(world.outsider).get("/")) == ["Omar Eklund"]


def test_search_by_name_is_case_insensitive_and_combines_words(world, as_user):
    client_at(world.unit, first_name="Elsa", last_name="Berg")
    browser = as_user(world.staff)
    assert names(browser.get("/", {"q": "elsa lind"})) == ["Elsa Lindqvist"]
    assert sorted(names(browser.get("/", {"q": "ELSA"}))) == ["Elsa Berg", "Elsa Lindqvist"]


def test_search_by_personal_number_with_or_without_century_and_dash(world, as_user):
    number = world.client.personal_number
    browser = as_user(world.staff)
    assert names(browser.get("/", {"q": f"{number[2:8]}-{number[8:]}"})) == ["Elsa Lindqvist"]
    assert names(browser.get("/", {"q": number})) == ["Elsa Lindqvist"]


def test_search_never_finds_another_units_client(world, as_user):
    assert names(as_user(world.staff).get("/", {"q": "Omar"})) == []


def test_live_search_answers_htmx_with_the_list_only(world, as_user):
    response = as_user(world.staff).get("/", {"q": "Elsa"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "Elsa" in body
    assert "<html" not in body
    assert response["Vary"].count("HX-Request") == 1


def test_a_search_is_logged_with_its_words(world, as_user):
    as_user(world.staff).get("/", {"q": "Lindq"})
    event = AccessEvent.objects.get(user=world.staff)
    assert (event.object_type, event.detail, event.client) == ("client_list", "Lindq", None)


def test_the_client_page_shows_orders_and_contact_persons(world, as_user):
    ContactPersonFactory(client=world.client, user=world.staff)
    body = as_user(world.staff).get(f"/brukare/{world.client.pk}/").content.decode()
    assert "Elsa Lindqvist" in body
    assert world.unit.name in body
    assert "Stödassistent" in body


def test_the_header_shows_who_is_signed_in_and_in_which_unit(world, as_user):
    body = as_user(world.manager).get("/").content.decode()
    assert world.manager.last_name in body
    assert "Gruppbostaden Testet (chef)" in body
    assert "Logguppföljning" in body
