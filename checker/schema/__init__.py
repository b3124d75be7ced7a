"""JSON Schemas shipped with the package, so editors can check rule files outside this repository.

`rule.schema.json` is `checker.rules.schema.schema_text()` written out, as is the repository's
`schema/rule.schema.json`; tests/test_rules_schema.py keeps all three the same.
"""
