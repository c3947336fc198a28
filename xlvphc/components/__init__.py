"""Reusable UI pieces: the page shell and form fields."""
