"""The PSR domain: models, rules and vocabularies. No Textual, no TinyDB.

Nothing is imported here: the CLI's early refusals use domain/safe_text.py alone and must
not pay for pydantic (import the models from their modules: domain.case, domain.plan).
"""
