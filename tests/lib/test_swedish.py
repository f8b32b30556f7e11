from rodtrad.lib.swedish import sort_key


def test_a_to_z_then_a_ring_a_umlaut_o_umlaut():
    words = ["Öhman", "Åberg", "Zetterlund", "Ängström", "andersson", "Berg"]
    assert sorted(words, key=sort_key) == ["andersson", "Berg", "Zetterlund", "Åberg", "Ängström", "Öhman"]


def test_accented_letters_sort_with_their_base_letter():
    assert sorted(["Eriksson", "Éclair", "Ek"], key=sort_key) == ["Éclair", "Ek", "Eriksson"]
    assert sort_key("Müller") == sort_key("Myller")
