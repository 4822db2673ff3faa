"""eventdesk: structured, geolocated, source-attributed event data from conflict news."""

__version__ = "0.1.0"
