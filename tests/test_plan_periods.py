"""Plan periods: the shipped first period and its three pillars, in a new store and in one upgraded from before."""

from __future__ import annotations

from ranpe.plan import periods
from ranpe.store.connection import Store


def test_new_store_has_the_first_period_with_its_three_pillars(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        (first,) = periods.list_periods(store)
        assert (first.code, first.first_year, first.last_year) == ("RANPE-2020", 2020, 2024)
        assert first.legal_basis == "Perpres 7/2021"
        assert (first.word("id"), first.word("en")) == ("Pilar", "Pillar")
        assert [g["number"] for g in periods.groups(store, "RANPE-2020")] == [1, 2, 3]
        assert periods.groups(store, "RANPE-2020")[1]["name"].startswith("Penegakan Hukum")


def test_period_of_year_names_no_period_outside_the_plan(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        assert periods.period_of_year(store, 2023).code == "RANPE-2020"
        assert periods.period_of_year(store, 2019) is None
        assert periods.period_of_year(store, 2026) is None
