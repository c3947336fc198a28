"""The law on handling administrative violations, as pure functions.

No database, no Reflex, no clock: every date is passed in. Each rule cites
the article it comes from (Luật XLVPHC as amended by Luật 88/2025/QH15,
Nghị định 118/2021/NĐ-CP, Nghị định 189/2025/NĐ-CP).
"""
