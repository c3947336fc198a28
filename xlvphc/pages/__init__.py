"""One module per screen: layout only."""
