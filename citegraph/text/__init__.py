"""Pure string rules, with no other citegraph imports: paper ids and their dates,
titles, model names and families, wording of messages."""
