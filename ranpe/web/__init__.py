"""Owns the thin Streamlit layer, the only streamlit import: frame <- auth <- downloads <- page. Imports: any."""
