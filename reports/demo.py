def seed(stdout=None) -> None:
    pass
