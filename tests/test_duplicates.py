from core.duplicates import DuplicateIndex

STORY = ("The city council voted on Tuesday to close the old harbour bridge for repairs after engineers found "
         "serious corrosion in the main span. Traffic will be diverted through the eastern tunnel until the spring, "
         "and ferries will run every half hour. The mayor said the closure was unavoidable and apologised to "
         "commuters. Local businesses fear a drop in trade during the works.")
REWRITE = ("LONDON (Reuters) - The city council voted Tuesday to close the old harbour bridge for repairs after "
           "engineers found serious corrosion in the main span. Traffic will be diverted through the eastern tunnel "
           "until the spring, and ferries will run every half hour. The mayor stated the closure was unavoidable and "
           "apologised to commuters.")
OTHER = ("Thick fog delayed the morning ferry across the bay for three hours on Wednesday, stranding hundreds of "
         "passengers at the terminal. The operator said radar problems made crossing unsafe until visibility "
         "improved, and it offered refunds to everyone whose journey was cancelled.")


def test_copies_and_light_rewrites_group_and_others_stay_apart():
    index = DuplicateIndex()
    index.add("herald", STORY)
    index.add("bulletin", OTHER)
    index.add("wire", REWRITE)
    index.add("copy", STORY)
    assert [g.keys for g in index.groups()] == [("herald", "wire", "copy")]
    assert index.group_of("bulletin") == ("bulletin",)
    assert index.group_of("wire") == ("herald", "wire", "copy")


def test_short_and_repeated_texts():
    index = DuplicateIndex()
    index.add("a", "Short.")
    index.add("b", "Short.")
    index.add("a", STORY)  # the same key twice is indexed once
    assert index.groups() == []


def test_grouping_the_inputs_reads_them_and_keys_them_as_ingest_does(tmp_path):
    import json

    from core.duplicates import group_inputs
    from core.ingest import ingest

    records = [{"id": i, "title": t, "text": x} for i, t, x in
               (("h", "Bridge", STORY), ("b", "Fog", OTHER), ("w", "Bridge (wire)", REWRITE))]
    (tmp_path / "batch.jsonl").write_text("\n".join(json.dumps(r) for r in records))
    keys = {a.id: a.key for a in ingest([tmp_path]).articles}
    groups = group_inputs([str(tmp_path)], 2**20)
    assert groups == {keys["h"]: (keys["h"], keys["w"]), keys["w"]: (keys["h"], keys["w"])}
