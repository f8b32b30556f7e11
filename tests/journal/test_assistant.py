"""journal.assistant: the writing assistant as the journal and the plan use it."""

from rodtrad.journal import assistant

from ..factories import client_at


def test_plan_text_gets_the_plans_findings_with_the_other_clients_the_writer_may_see(world, real_writing):
    client_at(world.unit, first_name="Omar", last_name="Åberg")
    text = "Personalen ger Elsa två Alvedon vid huvudvärk. Elsa vill sitta bredvid Omar vid middagen."
    found = assistant.findings(text, client=world.client, user=world.staff, kind="plan")
    assert [(f["code"], f["excerpt"]) for f in found] == [
        ("medical_detail", "två Alvedon"),
        ("other_client", "Omar"),
    ]
    assert all(f["rewrite"] for f in found)
    assert assistant.is_available("plan")


def test_without_the_writing_assistant_plan_text_has_no_findings(world):
    assert not assistant.is_available("plan")
    assert assistant.findings("Personalen ger Elsa Alvedon.", client=world.client, user=world.staff, kind="plan") == []
