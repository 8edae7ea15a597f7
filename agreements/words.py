"""The amount in words, in Kazakh and in Russian, with tenge and tiyn (num2words, which has Kazakh as "kz")."""

from decimal import Decimal

from num2words import num2words

from portal import money

LANGUAGES = {"kk": "kz", "ru": "ru"}


def amount_in_words(amount: Decimal, language: str) -> str:
    text = num2words(money.to_tiyn(amount), lang=LANGUAGES[language], to="currency", currency="KZT")
    return text[:1].upper() + text[1:]
