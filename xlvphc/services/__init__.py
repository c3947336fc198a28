"""Use cases. The only door to the database; every function takes the acting
user and checks role and unit scope itself. Nothing here imports Reflex."""
