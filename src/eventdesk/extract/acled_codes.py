"""ACLED's actor-type codes (the `inter1`/`inter2` columns) and the names of its generic groups, defined once
for the event modules (contract, section 3)."""

from __future__ import annotations

STATE, REBELS, POLITICAL_MILITIA, IDENTITY_MILITIA = 1, 2, 3, 4
RIOTERS, PROTESTERS, CIVILIANS, EXTERNAL = 5, 6, 7, 8
NON_STATE_ARMED = frozenset({REBELS, POLITICAL_MILITIA, IDENTITY_MILITIA})
ARMED = frozenset({STATE, EXTERNAL}) | NON_STATE_ARMED

CIVILIAN_GROUP, PROTESTER_GROUP = "Civilians", "Protesters"  # ACLED's names of unnamed crowds and victims
