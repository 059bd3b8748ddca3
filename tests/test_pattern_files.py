"""The pattern files (nlp/patterns/*.json): each parses, says in "_about" what every key holds,
and every entry compiles as a regular expression; the rule modules take their vocabulary from them."""
from __future__ import annotations

import json
import re

import pytest

from nlp.errors import ConfigError
from nlp.pattern_files import PATTERN_DIR, alternation, alternation_group, check_pattern_file, load_patterns

PATTERN_FILES = sorted(PATTERN_DIR.glob("*.json"))
# the files the rule components read through load_patterns
RULE_FILES = ("titles", "names", "companies", "offering_cues", "certification_cues")


def test_the_rule_pattern_files_ship():
    assert {path.stem for path in PATTERN_FILES} >= set(RULE_FILES)


@pytest.mark.parametrize("path", PATTERN_FILES, ids=lambda path: path.name)
def test_each_pattern_file_parses_describes_its_keys_and_compiles(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    about = data["_about"]
    for key, value in data.items():
        if key == "_about":
            continue
        assert isinstance(about.get(key), str) and about[key].strip(), f"{path.name}: {key!r} undescribed"
        entries = [value] if isinstance(value, str) else value
        assert entries and all(isinstance(entry, str) for entry in entries), f"{path.name}: {key!r}"
        for entry in entries:
            re.compile(entry)
        re.compile(alternation(entries))
    assert check_pattern_file(path) == data


@pytest.mark.parametrize("name", RULE_FILES)
def test_a_rule_file_has_lists_without_repeats_and_no_stale_description(name):
    data = load_patterns(name)
    assert set(data["_about"]) - {"_file"} == set(data) - {"_about"}
    for key, value in data.items():
        if key != "_about":
            assert isinstance(value, list) and len(value) == len(set(value)), f"{name}: {key!r}"


def _write(tmp_path, text):
    path = tmp_path / "cues.json"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("text, code, named", [
    ('{"_about": {"words": "w"},\n "words": ["a",]}', "E380", "line 2"),
    ('["a", "b"]', "E381", "_about"),
    ('{"_about": {"words": "w"}, "words": ["a"], "verbs": ["b"]}', "E381", "'verbs'"),
    ('{"_about": {"words": "w"}, "words": ["a", 3]}', "E382", "'words'"),
    ('{"_about": {"words": "w"}, "words": ["ok", "(?:unclosed"]}', "E383", "entry 2"),
])
def test_a_broken_pattern_file_is_a_config_error_naming_file_and_key(tmp_path, text, code, named):
    path = _write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        check_pattern_file(path)
    assert caught.value.code == code
    assert str(path) in caught.value.message and named in caught.value.message


def test_a_missing_pattern_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError) as caught:
        check_pattern_file(tmp_path / "absent.json")
    assert caught.value.code == "E380"


def test_alternation_group_keeps_one_entry_bare_and_groups_several():
    assert alternation_group(["certif(?:y|ies)"]) == "certif(?:y|ies)"
    assert alternation_group(["a", "b"]) == "(?:a|b)"
    assert re.fullmatch(rf"\b{alternation_group(['ab', 'cd'])}\b", "cd")


def test_the_rule_modules_read_their_vocabulary_from_the_files():
    from nlp.pipeline import certifications, issuers, mentions, officers, prices, sale_context, titles

    title_file, names, companies = load_patterns("titles"), load_patterns("names"), load_patterns("companies")
    offering = load_patterns("offering_cues")
    assert titles.TITLE_WORDS == set(title_file["title_words"])
    assert titles.LOWER_CASE_TITLE_WORDS == set(title_file["lower_case_title_words"])
    assert officers._NOT_A_NAME == set(names["not_a_name"])
    assert mentions.NAME_SUFFIXES == set(names["person_name_suffix_words"])
    assert issuers._STOP == set(companies["issuer_stop_words"])
    assert sale_context.SALE_WORDS.pattern == alternation(offering["sale_words"])
    assert prices._DERIVATIVE.pattern == alternation(offering["derivative_security_words"])
    verbs = load_patterns("certification_cues")["certifying_verbs"]
    assert certifications.CERTIFYING_VERB.pattern == rf"\b{alternation_group(verbs)}\b"
