"""Geoparsing: the gazetteer (gazetteer.py, built by build.py from sources.py and data/), toponym
recognition (recognise.py) and resolution (resolve.py), the places component and event placement
(places.py), the `geoparse` command's logic (geoparse.py) and scoring on research corpora (evaluation.py)."""
