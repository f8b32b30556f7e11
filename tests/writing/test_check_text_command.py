"""`manage.py check_text`: the JSON Lines contract that integrations and our evaluation rely on."""

import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

from django.core.management import call_command

REPO = Path(__file__).resolve().parents[2]


def run(*lines: str) -> list[dict]:
    stdout = StringIO()
    call_command("check_text", stdin=StringIO("".join(line + "\n" for line in lines)), stdout=stdout)
    return [json.loads(line) for line in stdout.getvalue().splitlines()]


def request(**fields) -> str:
    return json.dumps(fields, ensure_ascii=False)


def test_one_answer_per_line_in_input_order_with_findings_as_the_contract_says():
    text = "Kalle vägrade duscha. Sara Holm var där."
    out = run(
        request(id="j1", kind="journal", text=text, other_clients=["Sara Holm"]),
        request(id="g1", kind="goal", text="Kalle ska bli mer självständig."),
        request(id="j2", kind="journal", text="Lisa skar grönsaker själv."),
    )
    assert [answer["id"] for answer in out] == ["j1", "g1", "j2"]
    first = out[0]
    assert set(first) == {"id", "findings"}
    assert [(f["code"], text[f["start"] : f["end"]]) for f in first["findings"]] == [
        ("value_laden", "vägrade"),
        ("other_client", "Sara Holm"),
    ]
    for finding in first["findings"]:
        assert set(finding) == {"code", "start", "end", "message", "suggestion", "rewrite"}
        assert isinstance(finding["message"], str)
    assert {f["code"] for f in out[1]["findings"]} == {
        "goal_not_specific",
        "goal_not_measurable",
        "goal_no_timeframe",
    }
    assert out[2] == {"id": "j2", "findings": []}


def test_plan_text_is_a_kind_and_hints_come_in_their_own_key_when_asked_for():
    plan = "Personalen ger Kalle två Alvedon vid huvudvärk. Jag vill att de knackar först."
    jargon = "Nora är inkontinent nattetid. Stödet har fungerat enligt planen."
    out = run(
        request(id="p1", kind="plan", text=plan),
        request(id="j1", kind="journal", text=jargon),
        request(id="j2", kind="journal", text=jargon, hints=True),
        request(id="bad", kind="journal", text=jargon, hints="yes"),
    )
    assert [f["code"] for f in out[0]["findings"]] == ["medical_detail"]
    assert out[1] == {"id": "j1", "findings": []}
    assert out[2]["findings"] == []
    assert [(h["code"], jargon[h["start"] : h["end"]]) for h in out[2]["hints"]] == [("clinical_jargon", "inkontinent")]
    assert out[3] == {"id": "bad", "error": '"hints" must be true or false'}


def test_other_clients_is_optional():
    assert run(request(id="x", kind="journal", text="Omar Eklund bakade."))[0] == {"id": "x", "findings": []}


def test_bad_lines_get_an_error_and_the_rest_still_run():
    out = run(
        "this is not json",
        request(id="ok1", kind="journal", text="Bra dag."),
        "[1, 2]",
        request(id="k", kind="memo", text="x"),
        request(id="t", kind="journal", text=5),
        request(kind="journal", text="Utan id."),
        request(id="o", kind="journal", text="x", other_clients="Sara Holm"),
        request(id="ok2", kind="goal", text="Simon ska ha det bra."),
    )
    assert [answer["id"] for answer in out] == [None, "ok1", None, "k", "t", None, "o", "ok2"]
    for index in (0, 2, 3, 4, 5, 6):
        assert set(out[index]) == {"id", "error"}
        assert out[index]["error"]
    assert "JSON" in out[0]["error"]
    assert "kind" in out[3]["error"]
    assert "text" in out[4]["error"]
    assert "other_clients" in out[6]["error"]
    assert [f["code"] for f in out[1]["findings"]] == ["vague"]
    assert len(out[7]["findings"]) == 3


def test_blank_lines_are_skipped():
    out = run("", request(id="a", kind="journal", text="Bra dag."), "   ", request(id="b", kind="goal", text=""))
    assert [answer["id"] for answer in out] == ["a", "b"]


def test_spans_are_python_string_indices_into_texts_with_non_ascii_characters():
    text = "Åsa och Öjvind åt. Kalle var ledsen."
    (answer,) = run(request(id="u", kind="journal", text=text))
    (finding,) = answer["findings"]
    assert text[finding["start"] : finding["end"]] == "var ledsen"


def test_the_command_answers_each_line_as_it_arrives_over_a_pipe():
    """A caller can write one line and read its answer before sending the next."""
    process = subprocess.Popen(
        [sys.executable, "manage.py", "check_text"],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    try:
        for number in range(2):
            process.stdin.write(request(id=f"p{number}", kind="journal", text="Allt som vanligt.") + "\n")
            process.stdin.flush()
            answer = json.loads(process.stdout.readline())
            assert answer["id"] == f"p{number}"
            assert [f["code"] for f in answer["findings"]] == ["vague"]
    finally:
        process.stdin.close()
        assert process.wait(timeout=30) == 0
