"""The registry: the CSV reader (no database), the loader and the ``load_registry`` command."""

from __future__ import annotations

import datetime as dt
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db.models import F

from people.models import Alias, Organisation, OrganisationKind, Park, ParkLevel
from people.names import name_key
from timeline.ingest.registry import (
    DEFAULT_FOLDER,
    ORGANISATION_KINDS,
    PARK_LEVELS,
    RegistryError,
    read_organisation_rows,
    read_park_rows,
    read_registry,
)
from timeline.registry import load_registry

TORCH_MOST = "科技部火炬高技术产业开发中心"
TORCH_MIIT = "工业和信息化部火炬高技术产业开发中心"
PARK_HEADER = "name,full_name,level,province,city,national_year,parent,aliases\n"
ORGANISATION_HEADER = "name,kind,parent,predecessor,renamed_on,country,aliases\n"


def write_registry(folder: Path, parks: str, organisations: str) -> Path:
    """A small registry of our own: header + the given rows for each file."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "parks.csv").write_text(PARK_HEADER + parks, encoding="utf-8")
    (folder / "organisations.csv").write_text(ORGANISATION_HEADER + organisations, encoding="utf-8")
    return folder


SMALL_PARKS = (
    "甲城高新区,甲城高新技术产业开发区,national_htz,某某省,甲城,2010,,甲城高新|甲城科技城\n"
    "甲城高新区东园,,sub_park,某某省,甲城,,甲城高新区,\n"
)
SMALL_ORGANISATIONS = (
    "旧部,ministry,,,,CN,某中心\n"
    "新部,ministry,,旧部,2020-07-01,CN,某中心|新部门\n"
    "新部直属局,agency,新部,,,,\n"
)


# --- the reader: plain Python, no database --------------------------------------------------


def test_levels_and_kinds_match_the_models() -> None:
    assert PARK_LEVELS == set(ParkLevel.values)
    assert ORGANISATION_KINDS == set(OrganisationKind.values)


def test_shipped_registry_lists_every_national_high_tech_zone_once() -> None:
    rows = read_park_rows(DEFAULT_FOLDER / "parks.csv")
    national = [row for row in rows if row.level == "national_htz"]
    assert len(national) == 178
    # 31 provincial-level divisions since 拉萨 (2022) gave 西藏 its first zone
    assert len({row.province for row in national}) == 31
    assert all(row.national_year for row in national if row.name != "苏州工业园区")
    zhongguancun = next(row for row in rows if row.name == "中关村")
    assert zhongguancun.national_year == 1988
    assert "中关村国家自主创新示范区" in zhongguancun.aliases
    sub_parks = [row for row in rows if row.level == "sub_park"]
    assert sub_parks and all(row.parent == "中关村" for row in sub_parks)


def test_shipped_registry_names_a_science_department_for_every_province() -> None:
    rows = read_organisation_rows(DEFAULT_FOLDER / "organisations.csv")
    departments = [
        row for row in rows if row.parent.endswith("人民政府") and row.name.endswith(("厅", "委", "局"))
    ]
    assert len({row.parent for row in departments}) == 31
    inner_mongolia = next(row for row in rows if row.name == "内蒙古自治区科技厅")
    assert inner_mongolia.aliases[0] == "内蒙古自治区科学技术厅"


def test_read_registry_bounds_a_renamed_body_by_its_renaming_day() -> None:
    entries = {entry.name: entry for entry in read_registry()}
    old, new = entries[TORCH_MOST], entries[TORCH_MIIT]
    assert "火炬中心" in old.aliases and "火炬中心" in new.aliases
    assert old.valid_until == new.valid_from == dt.date(2023, 3, 10)
    assert old.valid_from is None and new.valid_until is None
    assert entries["武汉东湖高新区"].kind == "park"
    assert {"光谷", "武汉东湖新技术开发区"} <= set(entries["武汉东湖高新区"].aliases)


def test_read_registry_on_a_folder_of_our_own(tmp_path: Path) -> None:
    folder = write_registry(tmp_path, SMALL_PARKS, SMALL_ORGANISATIONS)
    entries = {entry.name: entry for entry in read_registry(folder)}
    assert set(entries) == {"甲城高新区", "甲城高新区东园", "旧部", "新部", "新部直属局"}
    # the full name comes first among the aliases; a blank full name adds nothing
    assert entries["甲城高新区"].aliases == ("甲城高新技术产业开发区", "甲城高新", "甲城科技城")
    assert entries["甲城高新区东园"].aliases == ()
    assert entries["旧部"].valid_until == dt.date(2020, 7, 1)
    assert entries["新部"].valid_from == dt.date(2020, 7, 1)
    assert entries["新部直属局"].valid_from is None and entries["新部直属局"].valid_until is None


def test_aliases_drop_blanks_repeats_and_the_name_itself(tmp_path: Path) -> None:
    parks = "乙市高新区,乙市高新区,national_htz,某某省,乙市,2015,,| 乙市高新 |乙市高新||乙市 高新区\n"
    folder = write_registry(tmp_path, parks, "")
    (row,) = read_park_rows(folder / "parks.csv")
    assert row.aliases == ("乙市高新",)


def test_a_month_is_enough_for_a_renaming(tmp_path: Path) -> None:
    folder = write_registry(tmp_path, "", "旧局,agency,,,,CN,\n新局,agency,,旧局,2019-04,CN,\n")
    rows = read_organisation_rows(folder / "organisations.csv")
    assert rows[1].renamed_on == dt.date(2019, 4, 1)


@pytest.mark.parametrize(
    ("parks", "organisations", "file", "line", "words"),
    [
        ("丙区,,planet,某某省,丙市,2015,,\n", "", "parks.csv", 2, "unknown level 'planet'"),
        (
            "丙区,,national_htz,某某省,丙市,2015,,\n丁区,,national_htz,某某省,丁市,15,,\n",
            "",
            "parks.csv",
            3,
            "'15'",
        ),
        ("丙区,,national_htz,某某省,丙市,1850,,\n", "", "parks.csv", 2, "national_year"),
        (",丙区全称,national_htz,某某省,丙市,2015,,\n", "", "parks.csv", 2, "name is empty"),
        ("丙区,,sub_park,某某省,丙市,,戊区,\n", "", "parks.csv", 2, "parent '戊区'"),
        (
            "丙区,,national_htz,某某省,丙市,2015,,\n丙区,,national_htz,某某省,丙市,2015,,\n",
            "",
            "parks.csv",
            3,
            "line 2",
        ),
        ("丙区,,national_htz,某某省,丙市,2015,,,多余\n", "", "parks.csv", 2, "cells"),
        ("", "某局,bureau,,,,CN,\n", "organisations.csv", 2, "unknown kind 'bureau'"),
        ("", "某局,agency,,,2023-13-01,CN,\n", "organisations.csv", 2, "renamed_on"),
        ("", "某局,agency,,,,China,\n", "organisations.csv", 2, "country"),
        ("", "某局,agency,,某局,2020,CN,\n", "organisations.csv", 2, "its own predecessor"),
        ("", "某局,agency,,旧某局,2020,CN,\n", "organisations.csv", 2, "predecessor '旧某局'"),
    ],
)
def test_bad_rows_are_reported_with_file_and_line(
    tmp_path: Path, parks: str, organisations: str, file: str, line: int, words: str
) -> None:
    folder = write_registry(tmp_path, parks, organisations)
    with pytest.raises(RegistryError) as caught:
        read_registry(folder)
    message = str(caught.value)
    assert file in message and f"line {line}" in message and words in message


def test_a_missing_column_is_reported_on_the_header_line(tmp_path: Path) -> None:
    folder = write_registry(tmp_path, "", "")
    (folder / "parks.csv").write_text("name,full_name,province\n某区,,某某省\n", encoding="utf-8")
    with pytest.raises(RegistryError, match=r"parks\.csv, line 1: missing column\(s\): level, city"):
        read_registry(folder)


# --- the loader and the command ------------------------------------------------------------


def counts() -> tuple[int, int, int]:
    return Park.objects.count(), Organisation.objects.count(), Alias.objects.count()


@pytest.mark.django_db
def test_load_registry_twice_creates_nothing_new() -> None:
    out = StringIO()
    call_command("load_registry", stdout=out)
    first = counts()
    assert out.getvalue().startswith(f"created {first[0] + first[1]}, updated 0, unchanged 0")
    out = StringIO()
    call_command("load_registry", stdout=out)
    assert counts() == first
    assert out.getvalue().startswith(f"created 0, updated 0, unchanged {first[0] + first[1]}")


@pytest.mark.django_db
def test_loaded_registry_holds_the_zones_the_lineage_and_the_aliases() -> None:
    load_registry()
    assert Park.objects.filter(level=Park.Level.NATIONAL_HTZ).count() == 178
    assert Park.objects.exclude(is_reviewed=True).count() == 0
    successor = Organisation.objects.select_related("predecessor").get(name=TORCH_MIIT)
    assert successor.predecessor.name == TORCH_MOST
    assert successor.renamed_on == dt.date(2023, 3, 10)
    assert successor.parent.name == "工业和信息化部"
    assert Alias.objects.get(name_key=name_key("光谷")).park.name == "武汉东湖高新区"
    # a shared alias names both bodies of the lineage; the linker picks one by date
    torch = Alias.objects.filter(name_key=name_key("火炬中心")).values_list("organisation__name", flat=True)
    assert set(torch) == {TORCH_MOST, TORCH_MIIT}
    donghu = Park.objects.get(name="武汉东湖高新区")
    assert (donghu.approved_on, donghu.approved_precision, donghu.province) == (
        dt.date(1991, 1, 1),
        "year",
        "湖北省",
    )
    assert Park.objects.get(name="中关村海淀园").parent.name == "中关村"
    # no alias repeats its record's own name
    assert not Alias.objects.filter(park__name_key=F("name_key")).exists()
    assert not Alias.objects.filter(organisation__name_key=F("name_key")).exists()


@pytest.mark.django_db
def test_a_changed_row_is_updated_and_the_rest_left_alone(tmp_path: Path) -> None:
    folder = write_registry(tmp_path / "a", SMALL_PARKS, SMALL_ORGANISATIONS)
    report = load_registry(folder=folder)
    assert (report.created, report.updated, report.unchanged) == (5, 0, 0)
    assert Organisation.objects.get(name="新部").predecessor.name == "旧部"
    assert Organisation.objects.get(name="新部直属局").parent.name == "新部"
    # an editor's alias survives a re-load
    Alias.objects.create(name="甲城园区", park=Park.objects.get(name="甲城高新区"))

    changed = write_registry(
        tmp_path / "b",
        SMALL_PARKS.replace(",2010,", ",2011,"),
        SMALL_ORGANISATIONS.replace("新部直属局,agency,新部,,,,", "新部直属局,agency,新部,,,,直属局"),
    )
    report = load_registry(folder=changed)
    assert (report.created, report.updated, report.unchanged) == (0, 2, 3)
    assert Park.objects.get(name="甲城高新区").approved_on == dt.date(2011, 1, 1)
    assert Organisation.objects.get(name="新部直属局").aliases.get().name == "直属局"
    assert Alias.objects.filter(name="甲城园区").exists()


@pytest.mark.django_db
def test_dry_run_saves_nothing(tmp_path: Path) -> None:
    out = StringIO()
    call_command("load_registry", "--dry-run", stdout=out)
    assert counts() == (0, 0, 0)
    assert "created" in out.getvalue() and "dry run" in out.getvalue()


@pytest.mark.django_db
def test_bad_csv_is_a_command_error_naming_file_and_line(tmp_path: Path) -> None:
    folder = tmp_path / "registry"
    shutil.copytree(DEFAULT_FOLDER, folder)
    with (folder / "parks.csv").open("a", encoding="utf-8") as handle:
        handle.write("己区,己高新技术产业开发区,national_htz,某某省,己市,19x1,,\n")
    lines = len((folder / "parks.csv").read_text(encoding="utf-8").splitlines())
    with pytest.raises(CommandError) as caught:
        call_command("load_registry", "--folder", str(folder), stdout=StringIO())
    assert "parks.csv" in str(caught.value) and f"line {lines}" in str(caught.value)
    assert counts() == (0, 0, 0)  # both files are checked before anything is written


@pytest.mark.django_db
def test_missing_file_is_a_command_error(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="parks.csv"):
        call_command("load_registry", "--folder", str(tmp_path), stdout=StringIO())
