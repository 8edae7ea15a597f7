"""Qualified electronic signatures (ЭЦП/ЭЦҚ) through NCALayer, and the one-button confirmation beside them.

An app registers the actions a person signs (`actions.register`); the browser asks for a challenge (the exact
bytes to sign, with a single-use nonce), NCALayer signs them into a CMS, and the view runs the app's service
inside `services.signed(...)`, which verifies the CMS (verify.py) and keeps it with the signed object.
"""
